package dev.custflow.cli;

import dev.custflow.BatchResult;
import dev.custflow.Engine;
import dev.custflow.EngineBuilder;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.examples.Demo;
import dev.custflow.examples.EventHistory;
import dev.custflow.insights.KpiBook;
import dev.custflow.insights.Scope;
import dev.custflow.insights.export.BiExport;
import dev.custflow.insights.export.WarningLog;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Replays a history (the simulated company, a host's events, CDNOW) into an engine and a KPI book, for
 * {@code report} and {@code export}. The book needs the engine's answer for each event alone (docs/kpis.md), so the
 * events go in one at a time; a history that reacts to the engine (the simulated reps) hears the answers where
 * {@code demo}'s batches end, so the report of the simulated company replays the very events {@code demo} does.
 */
final class InsightsReplay {
    private final KpiBook book;
    private final WarningLog warnings;
    private final Instant end;
    private final long accepted;
    private final long rejected;
    private final long actions;
    private final Duration took;

    private InsightsReplay(KpiBook book, WarningLog warnings, Instant end, long accepted, long rejected, long actions,
                           Duration took) {
        this.book = book;
        this.warnings = warnings;
        this.end = end;
        this.accepted = accepted;
        this.rejected = rejected;
        this.actions = actions;
        this.took = took;
    }

    /**
     * @param history the events
     * @param engine  the engine to run them through (rules, settings)
     * @param console where to draw a progress bar over the history's days, or null for none
     * @return the book and warnings, filled
     */
    static InsightsReplay run(EventHistory history, EngineBuilder engine, PrintStream console) {
        long started = System.nanoTime(); // run time is reported, never used by the rules
        try (Engine e = engine.build(); Stream<Event> events = history.events();
             ProgressBar bar = bar(history, console)) {
            KpiBook book = KpiBook.builder().settings(e.settings()).build();
            WarningLog warnings = WarningLog.in(e.settings().timeZone());
            long accepted = 0;
            long rejected = 0;
            long actions = 0;
            long startDay = history.from().getEpochSecond() / 86_400;
            Iterator<Event> it = events.iterator();
            List<Action> unheard = new ArrayList<>();
            int read = 0;
            while (it.hasNext()) {
                Event next = it.next();
                BatchResult r = book.accept(e, next);
                warnings.record(r);
                unheard.addAll(r.actions());
                read++;
                // a reacting history hears the actions where demo's batches end, so it plans the same events as demo
                if (read == Demo.BATCH_SIZE || history.awaitsActions(next) || !it.hasNext()) {
                    history.heard(List.copyOf(unheard), next.at());
                    unheard.clear();
                    read = 0;
                }
                accepted += r.accepted();
                rejected += r.rejections().size();
                actions += r.actions().size();
                if (bar != null) {
                    bar.stepTo(next.at().getEpochSecond() / 86_400 - startDay);
                }
            }
            return new InsightsReplay(book, warnings, history.to(), accepted, rejected, actions,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static ProgressBar bar(EventHistory history, PrintStream console) {
        if (console == null) {
            return null;
        }
        long days = Math.max(1, Duration.between(history.from(), history.to()).toDays());
        return new ProgressBarBuilder().setTaskName("replay").setInitialMax(days).setUnit(" days", 1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(console)).build();
    }

    /**
     * @param scope who is asking
     * @return the figures that scope sees
     */
    BiExport figures(Scope scope) {
        return BiExport.query(book, warnings, scope, end);
    }

    long accepted() {
        return accepted;
    }

    long rejected() {
        return rejected;
    }

    long actions() {
        return actions;
    }

    Duration took() {
        return took;
    }
}
