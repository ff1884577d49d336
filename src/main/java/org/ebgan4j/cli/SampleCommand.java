package org.ebgan4j.cli;
@picocli.CommandLine.Command(name = "sample")
final class SampleCommand implements Runnable { public void run() {} }
