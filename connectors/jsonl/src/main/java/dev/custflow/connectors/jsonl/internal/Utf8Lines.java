package dev.custflow.connectors.jsonl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a byte stream into lines and decodes each line on its own, so that one line of bad bytes is one unreadable
 * line, not a stream that stops (a {@link java.io.Reader} either replaces bad bytes silently or fails for good).
 * Lines end as {@link java.io.BufferedReader#readLine()} ends them (LF, CR or CR LF), so line numbers and positions
 * stay what they were when the stream was read through a reader. A UTF-8 byte-order mark at the start of the stream
 * is dropped; anywhere else it is part of its line. A line longer than the limit is counted but not kept.
 */
public final class Utf8Lines {
    /**
     * One line: its text, or why it could not be read.
     *
     * @param text    the decoded line without its end, or null when it is unreadable
     * @param problem why it is unreadable, or null
     */
    public record Line(String text, String problem) {
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buf = new byte[64 * 1024];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[1024];
    private int pos;
    private int limit;
    private boolean started;
    private boolean afterCr;

    /**
     * @param in       the stream, read (not closed) by this reader
     * @param maxBytes the longest line kept, in bytes; a longer one is {@linkplain Line#problem() unreadable}
     */
    public Utf8Lines(InputStream in, int maxBytes) {
        this.in = Objects.requireNonNull(in, "in");
        this.maxBytes = maxBytes;
    }

    /**
     * @return the next line, or null at the end of the stream
     * @throws IOException if the stream cannot be read
     */
    public Line next() throws IOException {
        if (!started) {
            started = true;
            skipBom();
        }
        long length = 0;
        int kept = 0;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            if (afterCr) {
                afterCr = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            int n = pos - start;
            int keep = (int) Math.max(0, Math.min(n, maxBytes - length));
            if (keep > 0) {
                if (kept + keep > line.length) {
                    line = Arrays.copyOf(line, Math.max(kept + keep, Math.min(maxBytes, line.length * 2)));
                }
                System.arraycopy(buf, start, line, kept, keep);
                kept += keep;
            }
            length += n;
            if (pos < limit) {
                afterCr = buf[pos] == '\r';
                pos++;
                break;
            }
        }
        if (length > maxBytes) {
            return new Line(null, String.format("the line has more than %,d bytes, the most one event may have "
                    + "(docs/events.md, \"Limits\")", maxBytes));
        }
        return decode(kept);
    }

    private Line decode(int n) {
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = line[i] >= 0;
        }
        if (ascii) {
            return new Line(new String(line, 0, n, StandardCharsets.ISO_8859_1), null);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, n);
        CharBuffer chars = CharBuffer.allocate(n);
        decoder.reset();
        CoderResult r = decoder.decode(bytes, chars, true);
        if (!r.isError()) {
            r = decoder.flush(chars);
        }
        if (r.isError()) {
            StringBuilder shown = new StringBuilder();
            for (int i = 0; i < r.length(); i++) {
                shown.append(i == 0 ? "" : " ").append(String.format("0x%02X", line[bytes.position() + i] & 0xFF));
            }
            return new Line(null, "the line is not valid UTF-8 at byte " + (bytes.position() + 1) + " (" + shown
                    + "); save the file as UTF-8");
        }
        return new Line(chars.flip().toString(), null);
    }

    /**
     * Whether {@link #next()} can return a line without waiting for the writer: a whole line is buffered, or the
     * stream has bytes ready ({@link InputStream#available()}; a stream that cannot tell counts as not ready). A
     * pipe's reader asks this to act on the lines that came instead of waiting for more.
     *
     * @return true if more input is already there
     */
    public boolean ready() {
        int from = afterCr && pos < limit && buf[pos] == '\n' ? pos + 1 : pos; // the LF of a CR LF already read
        for (int i = from; i < limit; i++) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                return true;
            }
        }
        return available();
    }

    private boolean available() {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return false; // a closed stream: the next read says so
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        while (n == 0) {
            n = in.read(buf, 0, buf.length);
        }
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Drops a byte-order mark at the very start; reads no further than the bytes that could still be one. */
    private void skipBom() throws IOException {
        while (limit < BOM.length && Arrays.equals(buf, 0, limit, BOM, 0, limit)) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                return;
            }
            limit += n;
        }
        if (limit >= BOM.length && Arrays.equals(buf, 0, BOM.length, BOM, 0, BOM.length)) {
            pos = BOM.length;
        }
    }
}
