package dev.custflow.cli;

import dev.custflow.BatchResult;
import dev.custflow.ConnectorException;
import dev.custflow.Engine;
import dev.custflow.EngineBuilder;
import dev.custflow.EventPump;
import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.RuleCompilationException;
import dev.custflow.Rejection;
import dev.custflow.ReloadResult;
import dev.custflow.connectors.jsonl.JsonLinesActionSink;
import dev.custflow.connectors.jsonl.JsonLinesEventSource;
import dev.custflow.dsl.RulesFolderWatcher;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.spi.AuditEntry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code custflow replay}: JSON Lines events in, JSON Lines actions out. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Reads events (JSON Lines) and writes the actions they cause (JSON Lines).",
                "Rejected lines are reported on standard error with their line number; the rest go on.",
                "Exit code: 0 when events were processed (even if some were rejected), 1 when none could be, "
                        + "2 for a usage, rules or settings error or events that cannot be read, 3 when the actions "
                        + "or the audit trail could not be written (standard error says how many were)."},
        sortOptions = false)
public final class ReplayCommand implements Callable<Integer> {
    private static final com.fasterxml.jackson.databind.ObjectWriter AUDIT_JSON = Json.mapper().writer();

    @Spec
    CommandSpec spec;

    @Option(names = "--events", required = true, paramLabel = "FILE|-",
            description = "the events, one JSON object per line; - reads standard input")
    String events;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the actions (default: standard output)")
    Path out;

    @Option(names = "--audit", paramLabel = "FILE",
            description = "also write the audit trail (every action with rule, reason and outcome) as JSON Lines")
    Path audit;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
            description = "the most events applied per batch; a batch also ends when the input pauses, so piped "
                    + "events are acted on as they arrive (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = {"-q", "--quiet"}, description = "no summary on standard error")
    boolean quiet;

    @Option(names = "--metrics",
            description = "at the end, print the engine's meters (events, actions by type, firings by rule, call "
                    + "times; docs/metrics.md) on standard error")
    boolean metrics;

    /** The meters of this run, with --metrics. */
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Option(names = "--watch",
            description = {"with --rules: reload the rules folder into the running engine whenever it changes, for "
                    + "events that arrive over time (--events -); rules that do not compile are reported and the "
                    + "previous rules keep running"})
    boolean watch;

    @Option(names = "--store", paramLabel = "PATH|JDBC_URL",
            description = {"keep the engine's state in this store and resume where the last run stopped (the lines "
                    + "below its position are skipped); a path is an H2 file database, jdbc:... a database URL "
                    + "(the password goes in --password-env or --password-file, not in the URL). "
                    + "The actions are committed with the state and delivered from the store's outbox to --out "
                    + "after every batch, at least once: after a crash an action may be written again, with the "
                    + "same id"})
    String store;

    /** --locale (here or given to custflow), else CUSTFLOW_LOCALE: the language of the actions' reasons. */
    @Mixin
    LocaleOption locale;

    /** The language reasons are written in: English or Simplified Chinese. */
    private java.util.Locale language = java.util.Locale.ENGLISH;

    @Mixin
    DatabaseLogin login;

    @Mixin
    EngineOptions engine;

    /** What a run has done so far: for the summary, and for a true account when the output fails. */
    private static final class Progress {
        long accepted;
        long rejected;
        long duplicates;
        long actions;
        /** The line the last whole batch ended at. */
        long line;
        JsonLinesEventSource source;
        JsonLinesActionSink sink;
    }

    /** The audit trail could not be written. */
    private static final class AuditFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AuditFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        Progress p = new Progress();
        language = dev.custflow.rules.Reasons.supported(locale.get()); // LocaleOption accepts only these two
        if (watch && engine.rulesFolder() == null) {
            err.println("custflow replay: --watch needs --rules DIR, the folder to watch; nothing was replayed");
            return CommandErrors.EXIT;
        }
        String password;
        try {
            password = login.password(store != null);
        } catch (IllegalArgumentException ex) {
            err.println("custflow replay: " + ex.getMessage() + "; nothing was replayed");
            return CommandErrors.EXIT;
        }
        if (store != null) {
            return callOnStore(err, started, p, password);
        }
        try (InputStream in = open(events); JsonLinesActionSink actionsOut = output(false);
             Writer auditOut = auditOutput();
             Engine e = measured(engine.builder()).locale(language).actionSink(actionsOut)
                     .auditLog(entry -> writeAudit(auditOut, entry)).build();
             RulesFolderWatcher ignored = watch ? watcher(e, err) : null) {
            p.sink = actionsOut;
            p.source = source(in);
            pump(e, p, err, () -> { });
        } catch (NoSuchFileException | StandardInput.ClosedException | RuleCompilationException
                 | InvalidSettingsException ex) {
            return CommandErrors.report("replay", ex, err, "nothing was replayed");
        } catch (RuntimeException ex) {
            return outputFailed(ex, p, err, "");
        }
        return summary(err, started, p, "");
    }

    private EngineBuilder measured(EngineBuilder builder) {
        return metrics ? builder.metrics(registry) : builder;
    }

    private int summary(PrintWriter err, long started, Progress p, String more) {
        if (!quiet) {
            double secs = (System.nanoTime() - started) / 1e9;
            err.printf("custflow replay: %,d events accepted, %,d rejected, %,d duplicates; %,d actions%s in %.2f s%n",
                    p.accepted, p.rejected, p.duplicates, p.actions, more, secs);
        }
        if (metrics) {
            MeterDump.print(registry, err);
        }
        return p.accepted == 0 && p.rejected > 0 ? 1 : 0;
    }

    /**
     * Reports that the actions or the audit trail could not be written, with what was: the run stops there, and no
     * summary claims more.
     *
     * @param outbox what happens to the actions not written, or empty
     * @return {@link CommandErrors#OUTPUT}
     * @throws RuntimeException {@code ex} itself when it is no output failure
     */
    private int outputFailed(RuntimeException ex, Progress p, PrintWriter err, String outbox) {
        boolean actions = ex instanceof ConnectorException c && p.sink != null && c.connector().equals(p.sink.name());
        if (!actions && !(ex instanceof AuditFailure)) {
            throw ex;
        }
        Throwable cause = ex.getCause() == null ? ex : ex.getCause();
        String what = !actions ? "the audit trail " + audit
                : out == null ? "standard output" : "the actions file " + out;
        err.printf("custflow replay: %s could not be written (%s), so the replay stopped. Up to line %,d: %,d events "
                        + "accepted, %,d rejected, %,d duplicates; %,d actions written%s%n", what, cause.getMessage(),
                p.line, p.accepted, p.rejected, p.duplicates, p.sink == null ? 0 : p.sink.written(), outbox);
        return CommandErrors.OUTPUT;
    }

    /**
     * With {@code --store}: the engine is built on the store and goes on from its position; the actions reach the
     * output only through the store's outbox, delivered after every batch and at the end, so an action committed
     * before a crash is delivered by the next run.
     */
    private int callOnStore(PrintWriter err, long started, Progress p, String password) throws IOException {
        CustomerStoreProvider provider;
        try {
            provider = CustomerStoreProvider.forLocation(store);
        } catch (IllegalArgumentException ex) {
            err.println("custflow replay: " + ex.getMessage() + "; nothing was replayed");
            return CommandErrors.EXIT;
        }
        long[] delivered = new long[1];
        try (CustomerStoreProvider.OpenStore opened = provider.open(store, login.user(), password);
             InputStream in = open(events);
             Writer auditOut = auditOutput()) {
            JsonLinesEventSource source = source(in);
            LinePositionStore lines = new LinePositionStore(opened.store(), source);
            Engine e = measured(engine.builder()).locale(language).store(lines)
                    .auditLog(entry -> writeAudit(auditOut, entry)).build();
            long resumedAt = e.position();
            source.resumeAt(resumedAt);
            p.source = source;
            p.line = resumedAt;
            JsonLinesActionSink actionsOut = output(resumedAt > 0);
            p.sink = actionsOut;
            try (actionsOut; e; RulesFolderWatcher ignored = watch ? watcher(e, err) : null) {
                if (resumedAt > 0) {
                    err.println("custflow replay: resumed at line " + resumedAt + " of "
                            + DatabaseLogin.shown(store));
                    err.flush();
                }
                delivered[0] += opened.deliverPending(actionsOut); // what the last run committed but did not deliver
                pump(e, p, err, () -> {
                    lines.commitLinesWithoutEvents();
                    delivered[0] += opened.deliverPending(actionsOut);
                });
                delivered[0] += opened.deliverPending(actionsOut);
            }
        } catch (NoSuchFileException | StandardInput.ClosedException | RuleCompilationException
                 | InvalidSettingsException ex) {
            return CommandErrors.report("replay", ex, err, "nothing was replayed");
        } catch (RuntimeException ex) {
            return outputFailed(ex, p, err, "; the actions not written stay in the store's outbox, and the next "
                    + "run writes them first");
        }
        return summary(err, started, p, String.format(", %,d delivered from the store's outbox", delivered[0]));
    }

    private JsonLinesEventSource source(InputStream in) {
        return JsonLinesEventSource.from(in, events).batchSize(Math.max(1, batch));
    }

    /**
     * Applies the events batch by batch through an {@link EventPump}, and after each batch reports its rejections,
     * counts it and runs {@code afterBatch}.
     *
     * @throws IOException if the events cannot be read
     */
    private static void pump(Engine e, Progress p, PrintWriter err, Runnable afterBatch) throws IOException {
        JsonLinesEventSource source = p.source;
        List<EventPump.Rejected> rejected = new ArrayList<>();
        try (EventPump pump = new EventPump(e, source, rejected::add)) {
            while (!source.exhausted()) {
                BatchResult r = pump.pumpOnce(Duration.ZERO);
                if (r.accepted() + r.duplicates() + r.rejections().size() == 0) {
                    continue; // only blank lines were left
                }
                report(rejected, err);
                rejected.clear();
                afterBatch.run();
                p.accepted += r.accepted();
                p.rejected += r.rejections().size();
                p.duplicates += r.duplicates();
                p.actions += r.actions().size();
                p.line = source.position();
            }
        } catch (ConnectorException ex) {
            if (ex.connector().equals(source.name()) && ex.getCause() instanceof IOException io) {
                throw io; // the events could not be read: reported like any other read error
            }
            throw ex;
        }
    }

    /**
     * Prints a batch's rejections in the order of their lines, each worded as the engine words a line of a stream:
     * the pump reports the lines that are no event before those the engine rejected, and names each by its origin.
     */
    private static void report(List<EventPump.Rejected> rejected, PrintWriter err) {
        List<EventPump.Rejected> inOrder = new ArrayList<>(rejected);
        inOrder.sort(Comparator.comparingLong(r -> JsonLinesEventSource.lineOf(r.origin())));
        for (EventPump.Rejected r : inOrder) {
            err.println(atLine(r.rejection(), JsonLinesEventSource.lineOf(r.origin())));
        }
    }

    /**
     * @return the message of a rejection placed at a line: the line is part of the event's description, or, for a
     *         rule that failed on the event, goes before the message
     */
    static String atLine(Rejection x, long line) {
        if (line <= 0 || x.line() == line) {
            return x.message();
        }
        EventRejectedException asRead = x.toException();
        if (!x.message().equals(asRead.getMessage())) {
            return "line " + line + ": " + x.problem(); // a rule failed: the engine's message is the problem alone
        }
        return asRead.at(line, x.eventId()).getMessage();
    }

    /** Reloads the folder, with the settings worked out as at start (folder, then --settings), into the engine. */
    private RulesFolderWatcher watcher(Engine e, PrintWriter err) {
        return RulesFolderWatcher.builder(e, engine.rulesFolder()).settings(folder -> engine.settings())
                .onResult(r -> {
                    if (r.status() != ReloadResult.Status.UNCHANGED) {
                        r.messages().forEach(err::println);
                        err.println("custflow replay: " + r.toString().lines().findFirst().orElse(""));
                        err.flush();
                    }
                }).start();
    }

    /** The events; a file read on a terminal also draws a progress bar on standard error (not with -q). */
    private InputStream open(String source) throws IOException {
        if ("-".equals(source)) {
            return StandardInput.open();
        }
        Path file = Path.of(source);
        return FileProgress.track(Files.newInputStream(file), Files.size(file), "custflow replay",
                quiet || System.console() == null ? null : System.err);
    }

    private JsonLinesActionSink output(boolean append) {
        if (out == null) {
            return JsonLinesActionSink.to(failingWhenClosed(spec.commandLine().getOut()), "stdout");
        }
        if (append) {
            dropPartialLastLine(out);
            return JsonLinesActionSink.appendingTo(out);
        }
        return JsonLinesActionSink.writingTo(out);
    }

    /**
     * A run killed while writing may leave half a line at the end of the actions file. Those actions were not
     * marked delivered (that happens after the write), so the outbox delivers them again: the half line goes.
     */
    private static void dropPartialLastLine(Path file) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            long end = ch.size();
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            long keep = end;
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < end) {
                ch.truncate(keep);
            }
        } catch (NoSuchFileException ex) {
            // nothing written yet
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the end of " + file, ex);
        }
    }

    /**
     * Standard output as a writer that fails when it could not write: a {@link PrintWriter} only remembers the error
     * (a closed pipe, a full disk), and the actions would be counted as written.
     */
    private static Writer failingWhenClosed(PrintWriter stdout) {
        return new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                stdout.write(chars, off, len);
            }

            @Override
            public void write(String s, int off, int len) {
                stdout.write(s, off, len);
            }

            @Override
            public void flush() throws IOException {
                if (stdout.checkError()) {
                    throw new IOException("it is closed or full");
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private Writer auditOutput() throws IOException {
        if (audit == null) {
            return Writer.nullWriter();
        }
        return new FilterWriter(Files.newBufferedWriter(audit, StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                try {
                    super.close();
                } catch (IOException ex) {
                    throw new AuditFailure(ex);
                }
            }
        };
    }

    private static void writeAudit(Writer w, AuditEntry entry) {
        try {
            w.write(AUDIT_JSON.writeValueAsString(entry));
            w.write('\n');
        } catch (IOException ex) {
            throw new AuditFailure(ex);
        }
    }
}
