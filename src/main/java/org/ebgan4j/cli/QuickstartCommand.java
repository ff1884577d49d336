package org.ebgan4j.cli;
@picocli.CommandLine.Command(name = "quickstart")
final class QuickstartCommand implements Runnable { public void run() {} }
