package org.ebgan4j.cli;
@picocli.CommandLine.Command(name = "energy")
final class EnergyCommand implements Runnable { public void run() {} }
