package dev.custflow.internal.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the snapshot encoding (docs/connectors.md, "Snapshot format"): variable-length integers (7 bits a
 * byte, zig-zag for signed values), UTF-8 strings with their length, times relative to a base. Hand-written
 * rather than CBOR: field names are not repeated in every snapshot, and most numbers of a profile (counts,
 * minutes between orders, cents) take one to three bytes. Engine use only.
 */
public final class SnapshotOutput {
    private byte[] buf;
    private int size;

    /** @param capacity initial bytes */
    public SnapshotOutput(int capacity) {
        this.buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    /** @param b one byte */
    public void writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    /** @param b a boolean as one byte */
    public void writeBoolean(boolean b) {
        writeByte(b ? 1 : 0);
    }

    /** @param v an unsigned value, 1 to 10 bytes */
    public void writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    /** @param v a signed value, zig-zag encoded (small magnitudes are short) */
    public void writeSignedLong(long v) {
        writeVarLong((v << 1) ^ (v >> 63));
    }

    /** @param v an unsigned int */
    public void writeVarInt(int v) {
        writeVarLong(v & 0xFFFFFFFFL);
    }

    /** @param v a signed int */
    public void writeSignedInt(int v) {
        writeSignedLong(v);
    }

    /**
     * Writes an instant in epoch millis relative to {@code base}; {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE}
     * (the model's "never" and "none") take one byte.
     *
     * @param v    the value
     * @param base a nearby instant the reader knows
     */
    public void writeTime(long v, long base) {
        if (v == Long.MIN_VALUE) {
            writeVarLong(0);
        } else if (v == Long.MAX_VALUE) {
            writeVarLong(1);
        } else {
            long d = v - base; // wrapping: the reader adds it back exactly
            long zz = (d << 1) ^ (d >> 63);
            if (Long.compareUnsigned(zz, -3L) > 0) {
                throw new IllegalArgumentException("time too far from its base: " + v + " vs " + base);
            }
            writeVarLong(zz + 2);
        }
    }

    /** @param v a fixed 8-byte value (hashes), big-endian */
    public void writeLong(long v) {
        ensure(8);
        LONGS.set(buf, size, v);
        size += 8;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /** @param s a string or null */
    public void writeString(String s) {
        if (s == null) {
            writeVarInt(0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeVarInt(b.length + 1);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    /** @param b bytes, written with their length */
    public void writeBytes(byte[] b) {
        writeVarInt(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    /** @param other bytes written elsewhere, appended as they are (no length) */
    public void writeRaw(SnapshotOutput other) {
        ensure(other.size);
        System.arraycopy(other.buf, 0, buf, size, other.size);
        size += other.size;
    }

    /** @return bytes written so far */
    public int size() {
        return size;
    }

    /** @return a copy of the bytes written */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
