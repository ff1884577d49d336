package org.ebgan4j.cli;

import org.ebgan4j.data.DatasetException;
import org.ebgan4j.train.TrainingDivergedException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;

/** The {@code ebgan} command: a thin layer over the library, one subcommand per job. */
@Command(
        name = "ebgan",
        mixinStandardHelpOptions = true,
        version = "ebgan4j 0.1.0",
        description = "Energy-based GANs (EBGAN, EBGAN-PT, BEGAN, calibrated EGANs), LSGAN and the GAN baseline on the JVM.",
        subcommands = {
            TrainCommand.class,
            SampleCommand.class,
            EnergyCommand.class,
            QuickstartCommand.class,
            BenchCommand.class,
            Bench2dCommand.class,
            ClassifierCommand.class,
            EvalCommand.class,
            CompareCommand.class,
            ArchCommand.class,
            GridCommand.class,
            CommandLine.HelpCommand.class
        })
public final class EbganCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command; see 'ebgan --help'");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code: 0 done, 1 failed, 2 bad arguments. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new EbganCommand());
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("ebgan: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof IllegalArgumentException || e instanceof DatasetException) {
                err.println("ebgan: " + Options.translate(e.getMessage()));
                return 2;
            }
            if (e instanceof TrainingDivergedException || e instanceof IOException || e instanceof UncheckedIOException) {
                err.println("ebgan: " + Options.translate(e.getMessage()));
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
