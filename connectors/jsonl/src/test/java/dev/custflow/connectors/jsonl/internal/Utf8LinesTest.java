package dev.custflow.connectors.jsonl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Lines of bytes, each decoded on its own: a bad line is one unreadable line, and the next is read as usual. */
class Utf8LinesTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static List<Utf8Lines.Line> lines(byte[] bytes, int maxBytes) throws IOException {
        return lines(new ByteArrayInputStream(bytes), maxBytes);
    }

    private static List<Utf8Lines.Line> lines(InputStream in, int maxBytes) throws IOException {
        Utf8Lines reader = new Utf8Lines(in, maxBytes);
        List<Utf8Lines.Line> out = new ArrayList<>();
        for (Utf8Lines.Line l = reader.next(); l != null; l = reader.next()) {
            out.add(l);
        }
        return out;
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof byte[] b ? b : p.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void aLineOfInvalidUtf8_isUnreadable_withTheByteItBreaksAt_andTheNextLineIsRead() throws IOException {
        List<Utf8Lines.Line> lines = lines(bytes("王芳\n", "ab", new byte[] {(byte) 0xC3, 0x28}, "c\n", "好\n"), 100);

        assertThat(lines).extracting(Utf8Lines.Line::text).containsExactly("王芳", null, "好");
        assertThat(lines.get(1).problem()).isEqualTo("the line is not valid UTF-8 at byte 3 (0xC3); save the file as "
                + "UTF-8");
    }

    @Test
    void surrogatesEncodedAsUtf8_andOverlongForms_areNotUtf8() throws IOException {
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] overlongSlash = {(byte) 0xC0, (byte) 0xAF};

        assertThat(lines(bytes(surrogate, "\n", overlongSlash, "\n", new byte[] {(byte) 0xFF}), 100))
                .extracting(Utf8Lines.Line::text).containsOnlyNulls().hasSize(3);
    }

    @Test
    void aByteOrderMark_atTheStart_isDropped_elsewhereItStaysInItsLine() throws IOException {
        assertThat(lines(bytes(BOM, "{}\n", BOM, "{}\n"), 100)).extracting(Utf8Lines.Line::text)
                .containsExactly("{}", "\uFEFF{}");
        assertThat(lines(BOM, 100)).isEmpty();
        assertThat(lines(bytes(BOM, "\n"), 100)).extracting(Utf8Lines.Line::text).containsExactly("");
    }

    @Test
    void theByteOrderMark_arrivingOneByteAtATime_isStillDropped() throws IOException {
        InputStream trickle = new ByteArrayInputStream(bytes(BOM, "{}\n")) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };

        assertThat(lines(trickle, 100)).extracting(Utf8Lines.Line::text).containsExactly("{}");
    }

    @Test
    void aStartThatIsOnlyPartOfAByteOrderMark_isPartOfTheFirstLine() throws IOException {
        assertThat(lines(new byte[] {(byte) 0xEF, (byte) 0xBB}, 100)).singleElement()
                .satisfies(l -> assertThat(l.problem()).contains("not valid UTF-8 at byte 1"));
    }

    @Test
    void aLineOverTheLimit_isUnreadable_andTheNextLineIsReadWhole() throws IOException {
        String huge = "x".repeat(200_000);

        List<Utf8Lines.Line> lines = lines(bytes("ok\n", huge, "\n", "after"), 100_000);

        assertThat(lines).extracting(Utf8Lines.Line::text).containsExactly("ok", null, "after");
        assertThat(lines.get(1).problem()).isEqualTo("the line has more than 100,000 bytes, the most one event may "
                + "have (docs/events.md, \"Limits\")");
        assertThat(lines(bytes("x".repeat(100_000)), 100_000).get(0).text()).hasSize(100_000);
    }

    /**
     * Any text, read as bytes, splits into the lines a reader makes of it (but for a byte-order mark at the start):
     * line numbers and stored positions stay what they were.
     */
    @Property(tries = 300)
    void validUtf8_givesTheLinesOfABufferedReader(@ForAll("texts") String text) throws IOException {
        List<String> expected = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1)
                : text));
        for (String l = reader.readLine(); l != null; l = reader.readLine()) {
            expected.add(l);
        }

        assertThat(lines(text.getBytes(StandardCharsets.UTF_8), 1_000_000)).extracting(Utf8Lines.Line::text)
                .containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.of("\n", "\r", "\r\n", "\n\n", "\r\r", "😀"),
                        Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(20),
                        Arbitraries.strings().withChars("王芳\uFEFF {}\"").ofMaxLength(5),
                        Arbitraries.strings().ofMinLength(70_000).ofMaxLength(70_010).withChars('y'))
                .list().ofMaxSize(30).map(parts -> String.join("", parts));
    }
}
