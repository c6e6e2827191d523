package dev.custflow.cli;

import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.RuleCompilationException;
import dev.custflow.Rejection;
import dev.custflow.ReloadResult;
import dev.custflow.connectors.jsonl.JsonLinesActionSink;
import dev.custflow.dsl.RulesFolderWatcher;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.spi.AuditEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
                        + "2 for a usage, rules or settings error."},
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
            description = "events applied per batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = {"-q", "--quiet"}, description = "no summary on standard error")
    boolean quiet;

    @Option(names = "--watch",
            description = {"with --rules: reload the rules folder into the running engine whenever it changes, for "
                    + "events that arrive over time (--events -); rules that do not compile are reported and the "
                    + "previous rules keep running"})
    boolean watch;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        long[] counts = new long[4]; // accepted, rejected, duplicates, actions
        if (watch && engine.rulesFolder() == null) {
            err.println("custflow replay: --watch needs --rules DIR, the folder to watch; nothing was replayed");
            return CommandErrors.EXIT;
        }
        try (BufferedReader in = open(events); JsonLinesActionSink actionsOut = output();
             Writer auditOut = auditOutput();
             Engine e = engine.builder().actionSink(actionsOut).auditLog(entry -> writeAudit(auditOut, entry))
                     .build();
             RulesFolderWatcher ignored = watch ? watcher(e, err) : null) {
            e.acceptJsonLines(in, Math.max(1, batch), r -> {
                for (Rejection x : r.rejections()) {
                    err.println(x.message());
                }
                counts[0] += r.accepted();
                counts[1] += r.rejections().size();
                counts[2] += r.duplicates();
                counts[3] += r.actions().size();
            });
        } catch (NoSuchFileException | RuleCompilationException | InvalidSettingsException ex) {
            return CommandErrors.report("replay", ex, err, "nothing was replayed");
        }
        if (!quiet) {
            double secs = (System.nanoTime() - started) / 1e9;
            err.printf("custflow replay: %,d events accepted, %,d rejected, %,d duplicates; %,d actions in %.2f s%n",
                    counts[0], counts[1], counts[2], counts[3], secs);
        }
        return counts[0] == 0 && counts[1] > 0 ? 1 : 0;
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

    private static BufferedReader open(String source) throws IOException {
        if ("-".equals(source)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8);
    }

    private JsonLinesActionSink output() {
        return out == null ? JsonLinesActionSink.to(spec.commandLine().getOut(), "stdout")
                : JsonLinesActionSink.writingTo(out);
    }

    private Writer auditOutput() throws IOException {
        return audit == null ? Writer.nullWriter() : Files.newBufferedWriter(audit, StandardCharsets.UTF_8);
    }

    private static void writeAudit(Writer w, AuditEntry entry) {
        try {
            w.write(AUDIT_JSON.writeValueAsString(entry));
            w.write('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the audit trail", ex);
        }
    }
}
