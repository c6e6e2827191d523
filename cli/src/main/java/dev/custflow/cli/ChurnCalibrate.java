package dev.custflow.cli;

import dev.custflow.RuleCompilationException;
import dev.custflow.examples.CdnowHistory;
import dev.custflow.examples.ChurnCalibration;
import dev.custflow.examples.DataFileException;
import dev.custflow.settings.InvalidSettingsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code custflow calibrate --churn}: churn thresholds from an order history ({@link ChurnCalibration}), its options
 * and its run, apart from the lead calibration's.
 */
final class ChurnCalibrate {
    /** Where the churn settings go unless --out says otherwise. */
    static final String DEFAULT_OUT = "churn.yaml";

    @Option(names = "--churn", paramLabel = "PATH",
            description = "an order history to learn churn thresholds from: a purchase file in CDNOW's form ("
                    + "customer id, date yyyyMMdd, quantity, amount per line) or its folder (e.g. ../shared/data/cdnow);"
                    + " writes " + DEFAULT_OUT + " unless --out is given")
    Path history;

    @Option(names = "--cutoff", paramLabel = "DATE",
            description = "with --churn: learn at the end of this day (default: 9 months before the history ends)")
    LocalDate cutoff;

    @Option(names = "--later-cutoff", paramLabel = "DATE",
            description = "with --churn: measure again at the end of this later day (default: 3 months after "
                    + "--cutoff)")
    LocalDate laterCutoff;

    @Option(names = "--bands", paramLabel = "N,N...", split = ",", defaultValue = "1,2,4,8",
            description = "with --churn: the number of orders each band starts at (default: ${DEFAULT-VALUE}, "
                    + "i.e. 1, 2-3, 4-7, 8+)")
    List<Integer> bands;

    @Option(names = "--recall", paramLabel = "SHARE", defaultValue = "0.8",
            description = "with --churn: the share of the customers who leave that high-risk warnings must flag "
                    + "(default: ${DEFAULT-VALUE})")
    double recall;

    int run(long seed, double trainShare, Path out, PrintWriter stdout, PrintWriter err, CommandProgress progress) {
        Path file = out == null ? Path.of(DEFAULT_OUT) : out;
        long started = System.nanoTime(); // for the closing line only
        try (progress) {
            ChurnCalibration.Builder b = ChurnCalibration.builder().seed(seed).trainShare(trainShare).bands(bands)
                    .recall(recall).progress(progress);
            if (cutoff != null) {
                b.cutoff(cutoff);
            }
            if (laterCutoff != null) {
                b.laterCutoff(laterCutoff);
            }
            CdnowHistory orders = CdnowHistory.load(history);
            ChurnCalibration.Result result = b.build().run(orders.orders(), orders.description());
            progress.close(); // the bar's last line before the figures
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, result.toYaml(), StandardCharsets.UTF_8);
            stdout.print(result.toText());
            stdout.printf(Locale.ROOT, "%nThresholds written to %s (%.1f s); run with them: bin/custflow replay "
                    + "--events FILE --settings %s%n", file, (System.nanoTime() - started) / 1e9, file);
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException | NoSuchFileException | DataFileException | InvalidSettingsException
                 | RuleCompilationException e) {
            return CommandErrors.report("calibrate", e, err, "nothing was measured");
        } catch (IOException e) {
            err.println("custflow calibrate: " + e.getMessage());
            return CommandErrors.EXIT;
        }
    }
}
