package org.ebgan4j.cli;

import org.ebgan4j.eval.ComparisonTable;
import org.ebgan4j.eval.Evaluation;
import org.ebgan4j.eval.RunEvaluation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ebgan compare}: the {@code eval.json} of several runs side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Print the evaluations (eval.json) of several runs side by side.")
final class CompareCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "run folders (or folders) holding an eval.json")
    List<Path> runs;

    @Override
    public Integer call() throws Exception {
        List<Evaluation.Report> reports = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path run : runs) {
            reports.add(RunEvaluation.read(run));
            names.add(run.getFileName() == null ? run.toString() : run.getFileName().toString());
        }
        System.out.print(ComparisonTable.format(reports, names));
        return 0;
    }
}
