package dev.custflow.examples;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EngineBuilder;
import dev.custflow.event.Event;
import dev.custflow.examples.internal.Progress;
import dev.custflow.text.Bounds;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs an {@link EventHistory} through an engine (event time, so the result is the same on every
 * run) and reports what the rules did.
 *
 * <pre>{@code
 * DemoReport report = Demo.builder().partitions(2).build()
 *         .run(CompanySimulator.of(CompanySimulator.Config.ofDefaults()));
 * System.out.print(report.toText());
 * }</pre>
 *
 */
public final class Demo {

    private final EngineBuilder engine;
    private final int partitions;
    /** Events per engine call unless {@link Builder#batchSize} says otherwise. */
    public static final int BATCH_SIZE = 2_000;

    private final int batchSize;
    private final PrintStream progressTo;

    private Demo(Builder b) {
        this.engine = b.engine.partitions(b.partitions);
        this.partitions = b.partitions;
        this.batchSize = b.batchSize;
        this.progressTo = b.progressTo;
    }

    /** @return a builder: the built-in packs with default settings, one partition, no progress bar */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds the engine, feeds it the whole history in batches, and counts what happened.
     *
     * @param history the events
     * @return the report
     * @throws dev.custflow.RuleCompilationException if the rules do not compile
     * @throws DataFileException                    if the history's data turns out to be malformed
     */
    public DemoReport run(EventHistory history) {
        long started = System.nanoTime(); // run time is reported, never used by the rules
        DemoReport.Tally tally = DemoReport.tally();
        try (Engine e = engine.auditLog(tally::add).build()) {
            Duration build = Duration.ofNanos(System.nanoTime() - started);
            ZoneId zone = e.settings().timeZone();
            tally.mqlThreshold(e.settings().scoring().mqlThreshold());
            long feeding = System.nanoTime();
            try (Stream<Event> events = history.events();
                 Progress progress = progressTo == null ? Progress.none()
                         : Progress.bar(progressTo, history.from(), history.to(), zone)) {
                Iterator<Event> it = events.iterator();
                List<Event> batch = new ArrayList<>(batchSize);
                while (it.hasNext()) {
                    Event next = it.next();
                    batch.add(next);
                    // a history that reacts to the engine hears its actions before it goes on
                    if (batch.size() == batchSize || history.awaitsActions(next) || !it.hasNext()) {
                        BatchResult r = e.acceptAll(batch);
                        tally.add(r);
                        history.heard(r.actions(), next.at());
                        progress.at(next.at());
                        batch.clear();
                    }
                }
            }
            Duration run = Duration.ofNanos(System.nanoTime() - feeding);
            e.forEachCustomer(tally::add);
            return tally.build(new DemoReport.Run(history.description(), e.ruleNames().size(), partitions, build, run,
                    zone), history::assignmentNotes, history.to());
        }
    }

    /** Configures a {@link Demo}; each setter checks its value at once. */
    public static final class Builder {
        private EngineBuilder engine = Custflow.builder();
        private int partitions = 1;
        private int batchSize = BATCH_SIZE;
        private PrintStream progressTo;

        private Builder() {
        }

        /**
         * @param value the engine to run (rules, settings); the demo sets its partitions and may add its scoring rule
         * @return this
         */
        public Builder engine(EngineBuilder value) {
            this.engine = Objects.requireNonNull(value, "engine");
            return this;
        }

        /**
         * @param count engine partitions, 1 to 256 (the report does not depend on it)
         * @return this
         */
        public Builder partitions(int count) {
            this.partitions = Bounds.between("partitions", count, 1, 256);
            return this;
        }

        /**
         * @param events events per engine call (default 2,000); large batches let partitions work in parallel
         * @return this
         */
        public Builder batchSize(int events) {
            this.batchSize = Bounds.atLeast("batchSize", events, 1);
            return this;
        }

        /**
         * @param terminal where to draw a progress bar (standard error), or null for none (the default)
         * @return this
         */
        public Builder progressBar(PrintStream terminal) {
            this.progressTo = terminal;
            return this;
        }

        /** @return the demo */
        public Demo build() {
            return new Demo(this);
        }
    }
}
