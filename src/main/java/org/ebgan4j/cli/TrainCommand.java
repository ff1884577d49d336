package org.ebgan4j.cli;
@picocli.CommandLine.Command(name = "train")
final class TrainCommand implements Runnable { public void run() {} }
