package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile lines of "Hostile input never wins" (item 3), each on one line of the retention example: replay exits 0,
 * names that line with a short reason, and writes exactly the actions of the file without it. Each of them once made
 * the whole replay exit 2 with no action.
 */
class HostileLinesReplayTest {
    private static final Path RETENTION = Path.of("../docs/examples/retention.jsonl");
    private static final String ORDER = "{\"type\":\"OrderPlaced\",\"id\":\"o-x\",\"at\":\"2024-02-01T00:00:00Z\","
            + "\"orderId\":\"SO-x\",\"customerId\":\"C-1\",\"amount\":%s}";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Where the bad line goes: 1-based, between two good lines. */
    private static final int AT = 10;

    private static List<byte[]> good;
    private static String goodActions;

    @TempDir
    static Path dir;

    @BeforeAll
    static void replayTheGoodFile() throws IOException {
        good = new ArrayList<>();
        for (String line : Files.readAllLines(RETENTION, StandardCharsets.UTF_8)) {
            good.add(line.getBytes(StandardCharsets.UTF_8));
        }
        Run run = Run.of(Files.readAllBytes(RETENTION), List.of());
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.err).doesNotContain("The event");
        goodActions = run.out;
        assertThat(goodActions.lines()).hasSizeGreaterThan(100);
    }

    static Stream<Arguments> hostileLines() {
        return Stream.of(
                Arguments.of("JSON nested 5,000 deep", ascii("{\"type\":\"ClockTick\",\"id\":\"t-deep\",\"at\":"
                        + "\"2024-02-01T00:00:00Z\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"),
                        "larger than the contract allows"),
                Arguments.of("invalid UTF-8", bytes("{\"type\":\"ClockTick\",\"id\":\"t-",
                        new byte[] {(byte) 0xC3, 0x28}, "\",\"at\":\"2024-02-01T00:00:00Z\"}"),
                        "not valid UTF-8 at byte 29 (0xC3)"),
                Arguments.of("1e309", ascii(ORDER.formatted("1e309")), "amounts must be below"),
                Arguments.of("99999999999999999999999", ascii(ORDER.formatted("99999999999999999999999")),
                        "amounts must be below"),
                Arguments.of("1e1000000000", ascii(ORDER.formatted("1e1000000000")), "amounts must be below"),
                Arguments.of("a year past 9999", ascii("{\"type\":\"ClockTick\",\"id\":\"t-far\","
                        + "\"at\":\"+1000000000-12-31T23:59:59Z\"}"), "must lie between"),
                Arguments.of("a second type", ascii("{\"type\":\"ClockTick\",\"type\":\"OrderPlaced\","
                        + "\"id\":\"t-dup\",\"at\":\"2024-02-01T00:00:00Z\"}"), "Duplicate field 'type'"),
                Arguments.of("a second amount", ascii(ORDER.formatted("-5,\"amount\":100")),
                        "Duplicate field 'amount'"),
                Arguments.of("a customer id longer than a store's column", ascii(ORDER.replace("C-1", "C".repeat(201))
                        .formatted("1")), "an id has at most 128 characters"),
                Arguments.of("a NUL in a customer id", ascii(ORDER.replace("C-1", "C\\u0000-1").formatted("1")),
                        "U+0000"),
                Arguments.of("a byte-order mark inside the file", bytes(BOM, good.get(AT - 1)), "malformed JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLines")
    void aHostileLine_isRejectedAlone_namedByItsLine_andTheActionsAreThoseOfTheFileWithoutIt(String what, byte[] line,
                                                                                            String reason) {
        List<byte[]> lines = new ArrayList<>(good);
        lines.add(AT - 1, line);

        Run run = Run.of(join(lines), List.of());

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.err.lines().filter(l -> l.startsWith("The event"))).singleElement().satisfies(l -> assertThat(l)
                .startsWith("The event (line " + AT).contains(reason).hasSizeLessThan(400));
        assertThat(run.err).contains(" 1 rejected");
        assertThat(run.out).isEqualTo(goodActions);
    }

    @Test
    void aByteOrderMarkAtTheStart_isIgnored() {
        Run run = Run.of(bytes(BOM, join(good)), List.of());

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.err).doesNotContain("The event").contains(" 0 rejected");
        assertThat(run.out).isEqualTo(goodActions);
    }

    @Test
    void allOfThemInOneFile_afterAByteOrderMark_fromStandardInput_changeNothing() {
        List<byte[]> lines = new ArrayList<>(good);
        List<Integer> bad = new ArrayList<>();
        List<byte[]> hostile = hostileLines().map(a -> (byte[]) a.get()[1]).toList();
        for (int i = 0; i < hostile.size(); i++) {
            int at = 2 + i * 3; // 1-based, among the good lines
            lines.add(at - 1, hostile.get(i));
            bad.add(at);
        }

        Run run = Run.of(bytes(BOM, join(lines)), List.of("--events", "-", "--batch", "4"));

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.err.lines().filter(l -> l.startsWith("The event")).map(l -> l.replaceFirst(
                "^The event \\(line (\\d+).*", "$1")).map(Integer::valueOf)).containsExactlyElementsOf(bad);
        assertThat(run.out).isEqualTo(goodActions);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof byte[] b ? b : ascii((String) p));
        }
        return out.toByteArray();
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.writeBytes(l);
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** What one replay printed. */
    private record Run(int code, String out, String err) {
        /** Replays the bytes from a file, or with {@code --events -} from standard input. */
        static Run of(byte[] events, List<String> args) {
            try {
                Path file = Files.write(dir.resolve("events-" + System.nanoTime() + ".jsonl"), events);
                List<String> all = new ArrayList<>(List.of("replay"));
                all.addAll(args.isEmpty() ? List.of("--events", file.toString()) : args);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                InputStream previous = System.in;
                System.setIn(new ByteArrayInputStream(events));
                try {
                    int code = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8));
                    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
                } finally {
                    System.setIn(previous);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
