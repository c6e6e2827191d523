package dev.custflow.cli;

import dev.custflow.RuleCompilationException;
import dev.custflow.examples.DataFileException;
import dev.custflow.examples.EventHistory;
import dev.custflow.insights.report.HtmlReport;
import dev.custflow.settings.InvalidSettingsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code custflow report}: replays a history (the simulated company by default, a host's events, or CDNOW) and writes
 * the HTML report (docs/report.md): one file that opens offline, its numbers those of {@code custflow export}.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays a history through the rules and writes one self-contained HTML file a sales director "
                + "opens offline: funnel by stage, leads by channel, a league table of reps and teams, churn warnings "
                + "by cause over time, RFM segments, KPI trends by month, the revenue forecast against what happened, "
                + "late deliveries. The history is the simulated company of custflow demo unless --events or --cdnow "
                + "is given; the numbers are those custflow export writes for BI tools.",
                "Exit code: 0 when the report was written, 2 for a usage, rules, settings or data error."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "report.html",
            description = "the HTML file to write (default: ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    HistoryOptions history;

    @Mixin
    ScopeOption scope;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Mixin
    EngineOptions engine;

    @Mixin
    LocaleOption locale;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Locale l = locale.get();
        if (history.conflicting("report", err, l)) {
            return CommandErrors.EXIT;
        }
        try {
            long started = System.nanoTime(); // reported, never used by the rules
            var s = scope.get(l);
            EventHistory h = history.load();
            rejected("report", h, err, l);
            InsightsReplay replay = InsightsReplay.run(h, engine.builder().locale(
                    dev.custflow.rules.Reasons.supported(l)), !quiet && System.console() != null ? System.err : null);
            HtmlReport.of(replay.figures(s), l).describing(h.description(), List.of(CommandErrors.text(l,
                    "report.lines", replay.accepted(), replay.actions()))).write(out);
            err.println(CommandErrors.text(l, "report.written", out, Files.size(out) / 1024,
                    (System.nanoTime() - started) / 1e9, replay.accepted(), replay.actions()));
            return 0;
        } catch (IllegalArgumentException | NoSuchFileException | DataFileException | InvalidSettingsException
                 | RuleCompilationException e) {
            return CommandErrors.report("report", e, err, CommandErrors.text(l, "nothing.reported"), l);
        } catch (IOException e) {
            err.println("custflow report: " + CommandErrors.text(l, "export.cannotWrite", out, e.getMessage()));
            return CommandErrors.EXIT;
        }
    }

    /** Tells which lines of a host's events file were no valid event (replayed without them). */
    static void rejected(String command, EventHistory h, PrintWriter err, Locale l) {
        if (h instanceof EventsFileHistory f && !f.rejected().isEmpty()) {
            err.println(CommandErrors.text(l, "history.rejected", "custflow " + command, f.rejected().size(),
                    f.rejected().get(0)));
        }
    }
}
