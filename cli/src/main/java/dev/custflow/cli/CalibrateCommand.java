package dev.custflow.cli;

import dev.custflow.RuleCompilationException;
import dev.custflow.examples.DataFileException;
import dev.custflow.examples.LeadCalibration;
import dev.custflow.settings.InvalidSettingsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code custflow calibrate}: lead-scoring weights from past leads with their outcome ({@link
 * LeadCalibration}, in the examples module), written as an editable settings file, with how well they rank leads
 * the calibration did not see. Where the leads come from is {@link LeadSourceOptions}.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Calibrates lead-scoring weights from past leads with their outcome (Leads.csv, or any lead "
                + "table or SQL query with a mapping), writes them as a settings file a sales manager can edit, and "
                + "measures them through the engine on leads kept apart: AUC, Brier, base rate, the conversion rate "
                + "of the top 20 %% by score, lift, and predicted against actual conversion per grade.",
                "Method and figures: docs/lead-scoring.md.",
                "With --churn instead: churn thresholds per band of orders learned from an order history, written as "
                        + "a settings file, measured through the engine on customers kept apart and at a later "
                        + "cutoff (docs/churn-quality.md).",
                "Exit code: 0 when the weights were written, 2 for a usage or data error."})
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LeadSourceOptions source;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "seed of the random split; the same seed gives the same weights and figures "
                    + "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--train-share", paramLabel = "SHARE", defaultValue = "0.7",
            description = "share of the leads to calibrate on; the rest is measured (default: ${DEFAULT-VALUE})")
    double trainShare;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "lead-scoring.yaml",
            description = "the settings file to write (default: ${DEFAULT-VALUE}); use it with --settings FILE")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    /** The churn calibration's own options (ChurnCalibrate), apart from the lead ones. */
    @Mixin
    ChurnCalibrate churn;

    @Mixin
    LocaleOption locale;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (source.given() == (churn.history != null)) {
            err.println("custflow calibrate: give the past leads: --leads FILE (or its folder), or --jdbc-url URL "
                    + "--query SQL --mapping FILE; or an order history: --churn PATH (one of them)");
            return CommandErrors.EXIT;
        }
        if (churn.history != null) {
            boolean outGiven = spec.commandLine().getParseResult().hasMatchedOption("--out");
            return churn.run(seed, trainShare, outGiven ? out : null, stdout, err,
                    CommandProgress.of("progress.calibrate", locale.get(), CommandProgress.console(quiet)));
        }
        try (CommandProgress progress = CommandProgress.of("progress.calibrate", locale.get(),
                CommandProgress.console(quiet))) {
            LeadCalibration calibration = LeadCalibration.builder().seed(seed).trainShare(trainShare)
                    .progress(progress).build();
            LeadCalibration.Result result = calibration.run(source.load());
            progress.close(); // the bar's last line before the figures
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, result.toYaml(), StandardCharsets.UTF_8);
            stdout.print(result.toText());
            stdout.printf("%nWeights written to %s; run with them: bin/custflow replay --events FILE --settings %s%n",
                    out, out);
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException | NoSuchFileException | DataFileException | InvalidSettingsException
                 | RuleCompilationException e) {
            return CommandErrors.report("calibrate", e, err, CommandErrors.text(locale.get(), "nothing.measured"),
                    locale.get());
        } catch (IOException e) {
            err.println("custflow calibrate: " + e.getMessage());
            return CommandErrors.EXIT;
        }
    }
}
