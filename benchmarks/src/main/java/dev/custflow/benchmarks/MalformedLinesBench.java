package dev.custflow.benchmarks;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventPump;
import dev.custflow.connectors.jsonl.JsonLinesEventSource;
import dev.custflow.connectors.testkit.MalformedLines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How fast bad lines are turned away ({@code benchmarks/run malformed}): JSON Lines of every
 * {@link MalformedLines.Kind} read by {@link JsonLinesEventSource} and rejected through an {@link EventPump} into an
 * engine with all built-in packs, each with its line and reason (the path of {@code custflow replay}, without
 * printing). The baseline in the same JVM reads the same bytes as lines only, without parsing. Then each kind alone.
 */
final class MalformedLinesBench {
    private static final long SEED = 20_261_206L;

    private MalformedLinesBench() {
    }

    static void run(int lines, int perKind) {
        byte[] mixed = stream(lines, MalformedLines::next);
        System.out.printf(Locale.ROOT, "%nMalformed lines: %,d lines of %d kinds (%,d MB, a 2 MB line about once in "
                        + "2,000), rejected through the pump%n", lines, MalformedLines.Kind.values().length,
                mixed.length >> 20);
        try (Engine engine = Custflow.builder().auditTrailSize(1).build()) {
            int rounds = 5;
            double[] pumped = new double[rounds];
            double[] read = new double[rounds];
            long rejected = 0;
            for (int round = -2; round < rounds; round++) { // two warm-up rounds
                long[] count = new long[1];
                double p = time(() -> count[0] = pump(engine, mixed));
                double r = time(() -> readOnly(mixed));
                if (round >= 0) {
                    pumped[round] = p;
                    read[round] = r;
                    rejected = count[0];
                }
            }
            System.out.printf(Locale.ROOT, "  rejected through the pump: %,.0f lines/s (median of %d rounds, %,d "
                    + "rejected, the blank ones skipped)%n", lines / Bench.median(pumped), rounds, rejected);
            System.out.printf(Locale.ROOT, "  baseline, lines only read:  %,.0f lines/s%n", lines / Bench.median(read));
            for (MalformedLines.Kind kind : MalformedLines.Kind.values()) {
                int n = kind == MalformedLines.Kind.HUGE_LINE ? Math.max(1, perKind / 200) : perKind;
                byte[] one = stream(n, g -> g.next(kind));
                pump(engine, one); // warm-up
                double[] t = new double[3];
                for (int i = 0; i < t.length; i++) {
                    t[i] = time(() -> pump(engine, one));
                }
                System.out.printf(Locale.ROOT, "  %-21s %,10.0f lines/s%n", kind, n / Bench.median(t));
            }
        }
    }

    private static byte[] stream(int lines, java.util.function.Function<MalformedLines, MalformedLines.Line> next) {
        MalformedLines generator = new MalformedLines(SEED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('\n'); // a byte-order mark on the first line would be the stream's own, and ignored
        for (int i = 0; i < lines; i++) {
            out.writeBytes(next.apply(generator).bytes());
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** @return how many lines were rejected */
    private static long pump(Engine engine, byte[] stream) {
        long[] rejected = new long[1];
        JsonLinesEventSource source = JsonLinesEventSource.from(new ByteArrayInputStream(stream), "bench");
        try (EventPump pump = new EventPump(engine, source, r -> rejected[0]++)) {
            while (!source.exhausted()) {
                BatchResult r = pump.pumpOnce(Duration.ZERO);
                if (r.accepted() > 0) {
                    throw new IllegalStateException("a malformed line was accepted");
                }
            }
        }
        return rejected[0];
    }

    private static long readOnly(byte[] stream) {
        JsonLinesEventSource source = JsonLinesEventSource.from(new ByteArrayInputStream(stream), "bench");
        long n = 0;
        while (!source.exhausted()) {
            n += source.poll(Duration.ZERO).size();
        }
        return n;
    }

    private static double time(Supplier<Long> work) {
        long t0 = System.nanoTime();
        if (work.get() < 0) {
            throw new IllegalStateException();
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
