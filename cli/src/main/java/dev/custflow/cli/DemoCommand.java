package dev.custflow.cli;

import dev.custflow.RuleCompilationException;
import dev.custflow.examples.CdnowHistory;
import dev.custflow.examples.ChurnQuality;
import dev.custflow.examples.CompanySimulator;
import dev.custflow.examples.DataFileException;
import dev.custflow.examples.Demo;
import dev.custflow.examples.DemoReport;
import dev.custflow.examples.EventHistory;
import dev.custflow.examples.LeadHistory;
import dev.custflow.examples.LeadQuality;
import dev.custflow.settings.InvalidSettingsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code custflow demo}: a simulated company (or the real CDNOW purchase history) run through the
 * engine ({@link Demo}, in the examples module), with a progress bar and a short report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates a company for a year (leads from several channels, reps, orders, tickets, surveys) "
                + "and runs it through the rules, then reports customers per stage, stage conversion, actions by "
                + "type and rule, and the latest examples of each action with their reasons.",
                "With --cdnow it runs the real CDNOW purchase history instead; with --leads, real past leads with "
                        + "their outcome, and how well the lead scores picked the ones that converted.",
                "Exit code: 0 when events were processed, 1 when none could be, 2 for a usage, rules, settings or "
                        + "data error."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "3000",
            description = "leads arriving over the simulated year (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "random seed; the same seed always gives the same company (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--days", paramLabel = "N", defaultValue = "365",
            description = "length of the simulated period (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "2025-01-01",
            description = "first simulated day (default: ${DEFAULT-VALUE})")
    LocalDate start;

    @Option(names = "--cdnow", paramLabel = "PATH",
            description = "run the CDNOW purchase history instead: the file " + CdnowHistory.FILE_NAME
                    + " or its folder (e.g. ../shared/data/cdnow)")
    Path cdnow;

    @Option(names = "--leads", paramLabel = "PATH",
            description = "run past leads with their outcome instead: the file " + LeadHistory.FILE_NAME
                    + " or its folder (e.g. ../shared/data/leads); then measure the lead scores against who converted "
                    + "(AUC, top 20 %%, lift). Calibrated weights: custflow calibrate, then --settings FILE")
    Path leads;

    @Option(names = "--until", paramLabel = "DATE",
            description = "with --cdnow: run the clock on to this day after the last purchase (1998-06-30), e.g. "
                    + "1998-12-31 (by then every customer is dormant)")
    LocalDate until;

    @Option(names = "--cutoff", paramLabel = "DATE",
            description = "with --cdnow: also measure the churn rules: stop the clock at the end of this day (e.g. "
                    + "1997-09-30), take the warnings open then as the prediction and compare it with who ordered "
                    + "again up to the end of the history: precision, recall and lift per rule")
    LocalDate cutoff;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Mixin
    EngineOptions engine;

    @Mixin
    LocaleOption locale;

    private CdnowHistory cdnow(CdnowHistory history) {
        return until == null ? history : history.tickingUntil(until);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale l = locale.get();
        if (cdnow != null && leads != null) {
            err.println("custflow demo: " + CommandErrors.text(l, "demo.cdnowOrLeads"));
            return 2;
        }
        if (cutoff != null && cdnow == null) {
            err.println("custflow demo: " + CommandErrors.text(l, "demo.cutoffNeedsCdnow"));
            return 2;
        }
        try {
            EventHistory history = cdnow != null ? cdnow(CdnowHistory.load(cdnow))
                    : leads != null ? LeadHistory.load(leads)
                    : CompanySimulator.of(CompanySimulator.Config.ofDefaults().withCustomers(customers).withSeed(seed)
                            .withDays(days).withStart(start));
            int partitions = engine.partitions();
            // the bar needs a terminal; piped or redirected output gets the report only
            boolean bar = !quiet && System.console() != null;
            // the engine writes its reasons (the report's examples) in the report's language
            DemoReport report = Demo.builder().engine(engine.builder().locale(dev.custflow.rules.Reasons.supported(l)))
                    .partitions(partitions)
                    .progressBar(bar ? System.err : null).build().run(history);
            out.print(report.toText(l));
            out.flush(); // read while the measurements below replay the history again (with their own bar)
            if (history instanceof CdnowHistory cd && cutoff != null) {
                Instant stop = cutoff.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                ChurnQuality.Report quality;
                try (CommandProgress progress = CommandProgress.of("progress.demo", l, CommandProgress.console(quiet))) {
                    quality = ChurnQuality.measure(cd.orders(), stop, cd.to(), engine.settings(), progress);
                }
                out.println();
                out.println(CommandErrors.text(l, "demo.churnHeading"));
                out.print(quality.toMarkdown());
            }
            if (history instanceof LeadHistory lh) {
                // a second engine on the same events: the report above does not keep every lead's score
                out.println();
                LeadQuality.Report quality;
                try (CommandProgress progress = CommandProgress.of("progress.demo", l, CommandProgress.console(quiet))) {
                    quality = LeadQuality.measure(lh, engine.settings(), progress);
                }
                out.print(quality.toText());
                out.println("  " + CommandErrors.text(l, "demo.leadsNote"));
            }
            out.flush();
            return report.accepted() == 0 && report.rejected() > 0 ? 1 : 0;
        } catch (IllegalArgumentException | NoSuchFileException | DataFileException | InvalidSettingsException
                 | RuleCompilationException e) {
            return CommandErrors.report("demo", e, err, CommandErrors.text(l, "nothing.run"), l);
        } catch (IOException e) {
            err.println("custflow demo: " + CommandErrors.text(l, "demo.cannotRead", cdnow != null ? cdnow : leads,
                    e.getMessage()));
            return CommandErrors.EXIT;
        }
    }
}
