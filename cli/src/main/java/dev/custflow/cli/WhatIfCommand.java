package dev.custflow.cli;

import dev.custflow.ConnectorException;
import dev.custflow.Custflow;
import dev.custflow.EngineBuilder;
import dev.custflow.EventRejectedException;
import dev.custflow.Rejection;
import dev.custflow.RuleCompilationException;
import dev.custflow.connectors.jsonl.JsonLinesEventSource;
import dev.custflow.dsl.RulesFolder;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import dev.custflow.examples.CdnowHistory;
import dev.custflow.examples.ChurnSweep;
import dev.custflow.examples.DataFileException;
import dev.custflow.examples.WhatIf;
import dev.custflow.examples.WhatIfReport;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.settings.Settings;
import dev.custflow.spi.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code custflow whatif}: replays a history with the rules in use and with a rules folder's changes,
 * and prints what would change ({@link WhatIf}, in the examples module, which also reads the CDNOW history).
 */
@Command(name = "whatif", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A dry run of a rule change: replays the same history twice, with the built-in rules and "
                + "default settings (or --base DIR) and with the changes of --rules DIR (its rules and settings.yaml), "
                + "and prints what would change: actions added and removed by type and rule, customers affected, "
                + "examples with their reasons, and for churn warnings the share of customers who ordered again "
                + "within --within days (from the same history).",
                "With --churn-sweep KEY=FROM..TO/STEP: the trade-off of one churn threshold instead, a line per "
                        + "value with warnings per week, precision, recall and lift.",
                "Actions are compared by customer, type, rule, what they are about (cause, template, kind...) and "
                        + "day, not by id. Explained in docs/whatif.md.",
                "Exit code: 0 when it ran, 1 when no event could be read, 2 for a usage, rules, settings or data "
                        + "error."})
public final class WhatIfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "FILE|-",
            description = "the history: events, one JSON object per line, as replay reads them; - reads standard input")
    String events;

    @Option(names = "--cdnow", paramLabel = "PATH",
            description = "the history: the CDNOW purchase history, the file " + CdnowHistory.FILE_NAME
                    + " or its folder (e.g. ../shared/data/cdnow)")
    Path cdnow;

    @Option(names = "--base", paramLabel = "DIR",
            description = "the rules in use: a rules folder on top of the built-in packs (default: the built-in packs "
                    + "with default settings)")
    Path base;

    @Option(names = "--within", paramLabel = "DAYS", defaultValue = "30",
            description = "a churn warning counts as followed by an order when the customer ordered within this many "
                    + "days after it (default: ${DEFAULT-VALUE})")
    int within;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "3",
            description = "examples of the added and of the removed actions of each rule (default: ${DEFAULT-VALUE})")
    int examples;

    @Option(names = "--churn-sweep", paramLabel = "KEY=FROM..TO/STEP",
            description = "instead of comparing two rule sets: replay once per value of a churn threshold (e.g. "
                    + "longNoOrderDays=30..180/15) and print precision, recall and warnings per week for each; "
                    + "the other settings from --rules and --settings")
    String churnSweep;

    @Option(names = "--cutoff", paramLabel = "DATE",
            description = "with --churn-sweep: stop the clock at the end of this day and judge the warnings open "
                    + "then by what followed (default: 9 months before the history ends)")
    java.time.LocalDate cutoff;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar and no summary on standard error")
    boolean quiet;

    /** --rules DIR is the proposed change; --settings is applied after it; --partitions for each run. */
    @Mixin
    EngineOptions engine;

    @Mixin
    LocaleOption locale;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((events == null) == (cdnow == null)) {
            err.println("custflow whatif: give the history with --events FILE or --cdnow PATH (one of them)");
            return CommandErrors.EXIT;
        }
        if (churnSweep != null) {
            return sweep(out, err);
        }
        if (engine.rulesFolder() == null && !settingsGiven()) {
            err.println("custflow whatif: give the change to try with --rules DIR (a rules folder: rules and "
                    + "settings.yaml)");
            return CommandErrors.EXIT;
        }
        long started = System.nanoTime(); // for the summary line only
        try (CommandProgress progress = CommandProgress.of("progress.whatif", locale.get(),
                CommandProgress.console(quiet))) {
            WhatIf whatIf = WhatIf.builder().base(baseLabel(), baseEngine())
                    .proposed(proposedLabel(), engine.builder()).withinDays(within).examples(examples)
                    .progress(progress).build();
            String description;
            List<Event> history;
            long unreadable;
            if (cdnow != null) {
                CdnowHistory cd = CdnowHistory.load(cdnow);
                description = cd.description();
                try (Stream<Event> s = cd.events()) {
                    history = s.toList();
                }
                unreadable = 0;
            } else {
                List<Event> read = new ArrayList<>();
                unreadable = read(events, read, err);
                history = read;
                description = ("-".equals(events) ? "events from standard input" : "events from " + events)
                        + String.format(java.util.Locale.ROOT, ": %,d", history.size());
            }
            if (history.isEmpty()) {
                err.println("custflow whatif: no event could be read from " + events + "; nothing was compared");
                return 1;
            }
            WhatIfReport report = whatIf.run(description, history);
            progress.close(); // the bar's last line before the report and the summary
            for (Rejection r : report.rejections()) {
                err.println(r.message());
            }
            out.print(json ? report.toJson() : report.toText(locale.get()));
            out.flush();
            if (!quiet) {
                err.printf(java.util.Locale.ROOT, "custflow whatif: %,d events replayed twice (%,d lines unreadable) "
                                + "in %.1f s%n", history.size(), unreadable, (System.nanoTime() - started) / 1e9);
            }
            return 0;
        } catch (IllegalArgumentException | NoSuchFileException | DataFileException | InvalidSettingsException
                 | RuleCompilationException | UncheckedIOException e) {
            return CommandErrors.report("whatif", e, err, CommandErrors.text(locale.get(), "nothing.compared"),
                    locale.get());
        } catch (IOException e) {
            err.println("custflow whatif: cannot read " + (cdnow != null ? cdnow : "-".equals(events)
                    ? "standard input" : events) + ": " + e.getMessage() + "; nothing was compared");
            return CommandErrors.EXIT;
        }
    }

    /** --churn-sweep: the history's orders replayed once per value, through ChurnSweep. */
    private int sweep(PrintWriter out, PrintWriter err) {
        long started = System.nanoTime(); // for the summary line only
        try (CommandProgress progress = CommandProgress.of("progress.sweep", locale.get(),
                CommandProgress.console(quiet))) {
            ChurnSweep.Sweep sweep = ChurnSweep.parse(churnSweep);
            Settings base = engine.settings();
            List<OrderPlaced> orders;
            String description;
            if (cdnow != null) {
                CdnowHistory cd = CdnowHistory.load(cdnow);
                orders = cd.orders();
                description = cd.description();
            } else {
                List<Event> read = new ArrayList<>();
                read(events, read, err);
                orders = read.stream().filter(e -> e instanceof OrderPlaced).map(e -> (OrderPlaced) e).toList();
                description = ("-".equals(events) ? "orders from standard input" : "orders from " + events)
                        + String.format(java.util.Locale.ROOT, ": %,d", orders.size());
            }
            if (orders.isEmpty()) {
                err.println("custflow whatif: no order in the history; nothing was swept");
                return 1;
            }
            java.time.Instant last = orders.stream().map(OrderPlaced::at).max(java.time.Instant::compareTo)
                    .orElseThrow();
            java.time.LocalDate lastDay = last.atZone(java.time.ZoneOffset.UTC).toLocalDate();
            java.time.LocalDate stop = cutoff != null ? cutoff : lastDay.minusMonths(9);
            java.time.Instant horizon = lastDay.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            java.time.Instant at = stop.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            if (!at.isBefore(horizon)) {
                err.println("custflow whatif: the cutoff " + stop + " leaves no future to judge the warnings by (the "
                        + "history ends on " + lastDay + "); nothing was swept");
                return CommandErrors.EXIT;
            }
            if (!base.churn().silenceBands().isEmpty() && sweep.key().contains("oOrderDays")) {
                err.println("custflow whatif: note: churn.silenceBands is set, so churn." + sweep.key() + " applies "
                        + "only to customers below its first band");
            }
            ChurnSweep.Result result = ChurnSweep.run(orders, base, sweep, at, horizon, description, progress);
            progress.close(); // the bar's last line before the table and the summary
            out.print(result.toText(locale.get()));
            out.flush();
            if (!quiet) {
                err.printf(java.util.Locale.ROOT, "custflow whatif: %,d orders replayed %d times in %.1f s%n",
                        orders.size(), sweep.values().size(), (System.nanoTime() - started) / 1e9);
            }
            return 0;
        } catch (IllegalArgumentException | NoSuchFileException | DataFileException | InvalidSettingsException
                 | RuleCompilationException | UncheckedIOException e) {
            return CommandErrors.report("whatif", e, err, "nothing was swept");
        } catch (IOException e) {
            err.println("custflow whatif: cannot read " + (cdnow != null ? cdnow : events) + ": " + e.getMessage()
                    + "; nothing was swept");
            return CommandErrors.EXIT;
        }
    }

    private boolean settingsGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--settings");
    }

    private EngineBuilder baseEngine() {
        EngineBuilder b = Custflow.builder().partitions(engine.partitions());
        if (base == null) {
            return b;
        }
        RulesFolder folder = RulesFolder.load(base);
        return b.rules(folder.sources()).settings(folder.settingsOver(Settings.ofDefaults()));
    }

    private String baseLabel() {
        return base == null ? "built-in rules, default settings" : "rules folder " + base + " on the built-in rules";
    }

    private String proposedLabel() {
        String label = engine.rulesFolder() == null ? "built-in rules" : "rules folder " + engine.rulesFolder()
                + " on the built-in rules";
        return settingsGiven() ? label + ", then the settings given with --settings" : label;
    }

    /** Reads the events as replay does: a line that is no event is reported as replay reports it, and skipped. */
    private static long read(String source, List<Event> into, PrintWriter err) throws IOException {
        long rejected = 0;
        try (InputStream in = "-".equals(source) ? StandardInput.open() : Files.newInputStream(Path.of(source))) {
            JsonLinesEventSource lines = JsonLinesEventSource.from(in, source);
            while (!lines.exhausted()) {
                for (SourceRecord r : lines.poll(Duration.ZERO)) {
                    try {
                        into.add(JsonLinesEventSource.readEvent(r));
                    } catch (EventRejectedException e) {
                        err.println(e.getMessage());
                        rejected++;
                    }
                }
            }
        } catch (ConnectorException e) {
            if (e.getCause() instanceof IOException io) {
                throw io; // the events could not be read
            }
            throw e;
        }
        return rejected;
    }
}
