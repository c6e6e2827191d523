package dev.custflow.internal.snapshot;

import java.nio.charset.StandardCharsets;

/** Reads what {@link SnapshotOutput} wrote. A truncated or malformed input throws {@link IllegalArgumentException}. */
public final class SnapshotInput {
    private final byte[] buf;
    private int pos;

    /** @param bytes the encoding */
    public SnapshotInput(byte[] bytes) {
        this.buf = bytes;
    }

    private void need(int n) {
        if (n < 0 || pos + n > buf.length) {
            throw new IllegalArgumentException("snapshot truncated at byte " + pos + " of " + buf.length);
        }
    }

    /** @return one byte, 0-255 */
    public int readByte() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    /** @return a boolean */
    public boolean readBoolean() {
        return readByte() != 0;
    }

    /** @return an unsigned value */
    public long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("malformed number at byte " + pos);
    }

    /** @return a signed value */
    public long readSignedLong() {
        long zz = readVarLong();
        return (zz >>> 1) ^ -(zz & 1);
    }

    /** @return an unsigned int */
    public int readVarInt() {
        return (int) readVarLong();
    }

    /** @return a signed int */
    public int readSignedInt() {
        return (int) readSignedLong();
    }

    /**
     * @param base the base it was written against
     * @return an instant in epoch millis
     */
    public long readTime(long base) {
        long u = readVarLong();
        if (u == 0) {
            return Long.MIN_VALUE;
        }
        if (u == 1) {
            return Long.MAX_VALUE;
        }
        long zz = u - 2;
        return base + ((zz >>> 1) ^ -(zz & 1));
    }

    /** @return a fixed 8-byte value */
    public long readLong() {
        need(8);
        long v = (long) LONGS.get(buf, pos);
        pos += 8;
        return v;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /** @return a string or null */
    public String readString() {
        int n = readVarInt();
        if (n == 0) {
            return null;
        }
        need(n - 1);
        String s = new String(buf, pos, n - 1, StandardCharsets.UTF_8);
        pos += n - 1;
        return s;
    }

    /** @return an interned string or null (for values from small vocabularies, as the model keeps them) */
    public String readInterned() {
        String s = readString();
        return s == null ? null : s.intern();
    }

    /** @return bytes written with their length */
    public byte[] readBytes() {
        int n = readVarInt();
        need(n);
        byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    /** @return true when every byte was read */
    public boolean atEnd() {
        return pos == buf.length;
    }
}
