package org.ebgan4j.cli;

import org.ebgan4j.nn.ComputeDevice;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
            InterpolateCommand.class,
            EnergyCommand.class,
            ServeCommand.class,
            ServeBenchCommand.class,
            ReportCommand.class,
            SemiCommand.class,
            QuickstartCommand.class,
            BenchCommand.class,
            Bench2dCommand.class,
            GammaSweepCommand.class,
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

    /** Runs the command line and returns its exit code: 0 done, 1 a fault of the system, 2 bad input ({@link Failures}). */
    public static int execute(String... args) {
        // Each command line chooses its own device; one run in-process does not leave its --device to the next.
        ComputeDevice.reset();
        CommandLine cli = new CommandLine(new EbganCommand());
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("ebgan: " + Failures.oneLine(e.getMessage()) + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Failures.Report report = Failures.of(e);
            commandLine.getErr().println("ebgan: " + report.message());
            if (System.getenv("EBGAN_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return report.code();
        });
        try {
            return cli.execute(args);
        } catch (Error e) {
            // An error thrown past picocli's handler (out of memory, a native library missing): still one line.
            Failures.Report report = Failures.of(e);
            cli.getErr().println("ebgan: " + report.message());
            return report.code();
        }
    }
}
