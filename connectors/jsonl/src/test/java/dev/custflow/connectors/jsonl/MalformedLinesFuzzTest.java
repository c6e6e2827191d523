package dev.custflow.connectors.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventPump;
import dev.custflow.Json;
import dev.custflow.connectors.testkit.MalformedLines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue "Hostile input never wins", item 3, as a fuzz test: more than 10,000 malformed lines of every
 * {@link MalformedLines.Kind} (seeded, so a failure repeats) among the events of docs/examples, behind a byte-order
 * mark, read as JSON Lines through the pump. The engine must decide exactly the actions of the examples alone; every
 * malformed line must be rejected once, named by its own line, with a short reason; blank lines are skipped; and
 * nothing may throw.
 */
class MalformedLinesFuzzTest {
    private static final long SEED = 20_261_206L;
    private static final int MALFORMED = 12_000;
    private static final int BATCH = 100;
    private static final Path EXAMPLES = Path.of("../../docs/examples");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** What a replay did: the actions as JSON in order, and each rejected line with its report. */
    private record Outcome(List<String> actions, Map<Long, String> rejected) {
    }

    private static Outcome replay(byte[] stream) {
        List<String> actions = new ArrayList<>();
        Map<Long, String> rejected = new TreeMap<>();
        JsonLinesEventSource source = JsonLinesEventSource.from(new ByteArrayInputStream(stream), "fuzz")
                .batchSize(BATCH);
        try (Engine engine = Custflow.builder().actionSink(batch -> batch.forEach(a -> actions.add(Json.write(a))))
                .build();
             EventPump pump = new EventPump(engine, source, r -> {
                 String earlier = rejected.put(JsonLinesEventSource.lineOf(r.origin()), r.toString());
                 assertThat(earlier).as("line rejected twice: %s", r).isNull();
             })) {
            while (!source.exhausted()) {
                pump.pumpOnce(Duration.ZERO);
            }
        }
        return new Outcome(actions, rejected);
    }

    private static List<byte[]> exampleLines() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    lines.add(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return lines;
    }

    @Test
    void malformedLinesAmongTheExamples_areEachRejectedAlone_andTheActionsAreThoseOfTheExamples() throws IOException {
        List<byte[]> good = exampleLines();
        MalformedLines generator = new MalformedLines(SEED);
        Random where = new Random(SEED);
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.writeBytes(BOM); // at the start of the stream: ignored
        long line = 0;
        long[] goodLineAt = new long[good.size()];
        Set<Long> malformed = new TreeSet<>();
        Set<Long> blank = new TreeSet<>();
        Map<MalformedLines.Kind, Integer> kinds = new EnumMap<>(MalformedLines.Kind.class);
        int written = 0;
        for (int i = 0; i < good.size(); i++) {
            mixed.writeBytes(good.get(i));
            mixed.write('\n');
            goodLineAt[i] = ++line;
            int here = i == good.size() - 1 ? MALFORMED - written
                    : Math.min(MALFORMED - written, where.nextInt(2 * MALFORMED / good.size()));
            for (int k = 0; k < here; k++, written++) {
                MalformedLines.Line bad = generator.next();
                mixed.writeBytes(bad.bytes());
                mixed.write('\n');
                (bad.kind() == MalformedLines.Kind.BLANK ? blank : malformed).add(++line);
                kinds.merge(bad.kind(), 1, Integer::sum);
            }
        }
        ByteArrayOutputStream alone = new ByteArrayOutputStream();
        good.forEach(l -> {
            alone.writeBytes(l);
            alone.write('\n');
        });

        Outcome expected = replay(alone.toByteArray());
        Outcome actual = replay(mixed.toByteArray());

        assertThat(kinds).as("every kind of malformed line").containsOnlyKeys(MalformedLines.Kind.values());
        assertThat(malformed).as("malformed lines that are not blank").hasSizeGreaterThan(10_000);
        assertThat(expected.actions()).as("the examples decide actions").hasSizeGreaterThan(50);
        assertThat(actual.actions()).as("the same actions, in the same order").isEqualTo(expected.actions());

        Set<Long> rejectedExamples = expected.rejected().keySet().stream().map(l -> goodLineAt[(int) (l - 1)])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Long> shouldBeRejected = new TreeSet<>(malformed);
        shouldBeRejected.addAll(rejectedExamples);
        assertThat(actual.rejected().keySet()).as("every malformed line is rejected, and nothing else")
                .containsExactlyElementsOf(shouldBeRejected);
        assertThat(actual.rejected().keySet()).doesNotContainAnyElementsOf(blank);
        for (long bad : malformed) {
            assertThat(actual.rejected().get(bad)).as("line %d", bad).startsWith("line " + bad + ": The event")
                    .contains(" was rejected: ").hasSizeLessThan(700);
        }
    }
}
