package dev.custflow.internal.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * MD5 (RFC 1321) for the stable ids' keys, one thread's worth of state. The same digest as {@code MessageDigest}'s,
 * without its per-call buffering, engine dispatch and result array: a key of an action id is one or two blocks,
 * and {@code MessageDigest} was most of the cost of an id in W2's daily tick. The rounds are written out on locals.
 */
final class Md5 {
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The last block or two, padded. */
    private final byte[] tail = new byte[128];
    private int a;
    private int b;
    private int c;
    private int d;

    /**
     * Digests {@code in[0, len)}; the digest's first 8 bytes are then {@link #high()}, the last 8 {@link #low()}.
     */
    void digest(byte[] in, int len) {
        reset();
        finish(in, 0, len);
    }

    /** Starts a new digest. */
    void reset() {
        a = 0x67452301;
        b = 0xefcdab89;
        c = 0x98badcfe;
        d = 0x10325476;
    }

    /** Continues from where {@code other} stands (after the same whole blocks of a common beginning). */
    void resume(Md5 other) {
        a = other.a;
        b = other.b;
        c = other.c;
        d = other.d;
    }

    /** Digests the whole blocks of {@code in[0, to)} ({@code to} a multiple of 64), after a {@link #reset()}. */
    void blocks(byte[] in, int to) {
        for (int off = 0; off < to; off += 64) {
            block(in, off);
        }
    }

    /**
     * Digests the rest of a message {@code in[0, len)} whose whole blocks before {@code from} (a multiple of 64)
     * were digested already, and pads it.
     */
    void finish(byte[] in, int from, int len) {
        int full = len & ~63;
        for (int off = from; off < full; off += 64) {
            block(in, off);
        }
        int rest = len - full;
        System.arraycopy(in, full, tail, 0, rest);
        tail[rest] = (byte) 0x80;
        int end = rest < 56 ? 64 : 128;
        Arrays.fill(tail, rest + 1, end - 8, (byte) 0);
        LE_LONG.set(tail, end - 8, (long) len << 3);
        block(tail, 0);
        if (end == 128) {
            block(tail, 64);
        }
    }

    /** @return the digest's bytes 0 to 7 as a big-endian long */
    long high() {
        return ((long) Integer.reverseBytes(a) << 32) | (Integer.reverseBytes(b) & 0xffffffffL);
    }

    /** @return the digest's bytes 8 to 15 as a big-endian long */
    long low() {
        return ((long) Integer.reverseBytes(c) << 32) | (Integer.reverseBytes(d) & 0xffffffffL);
    }

    /** A little-endian word by hand: no call left in the long rounds for the JIT to inline. */
    private static int w(byte[] in, int off, int i) {
        int o = off + 4 * i;
        return (in[o] & 0xff) | (in[o + 1] & 0xff) << 8 | (in[o + 2] & 0xff) << 16 | in[o + 3] << 24;
    }

    // Each step's new word depends on the last one (b) through the function only: the sums that do not wait for b
    // come first, and the functions are written in their equivalent forms with the fewest operations after b.

    private static int ff(int a, int b, int c, int d, int x, int s, int t) {
        return Integer.rotateLeft(a + x + t + (d ^ (b & (c ^ d))), s) + b;
    }

    private static int gg(int a, int b, int c, int d, int x, int s, int t) {
        return Integer.rotateLeft(a + x + t + (~d & c) + (d & b), s) + b; // the two parts share no bit
    }

    private static int hh(int a, int b, int c, int d, int x, int s, int t) {
        return Integer.rotateLeft(a + x + t + (b ^ (c ^ d)), s) + b;
    }

    private static int ii(int a, int b, int c, int d, int x, int s, int t) {
        return Integer.rotateLeft(a + x + t + (c ^ (b | ~d)), s) + b;
    }

    private void block(byte[] in, int off) {
        int x0 = w(in, off, 0);
        int x1 = w(in, off, 1);
        int x2 = w(in, off, 2);
        int x3 = w(in, off, 3);
        int x4 = w(in, off, 4);
        int x5 = w(in, off, 5);
        int x6 = w(in, off, 6);
        int x7 = w(in, off, 7);
        int x8 = w(in, off, 8);
        int x9 = w(in, off, 9);
        int x10 = w(in, off, 10);
        int x11 = w(in, off, 11);
        int x12 = w(in, off, 12);
        int x13 = w(in, off, 13);
        int x14 = w(in, off, 14);
        int x15 = w(in, off, 15);
        int a = this.a;
        int b = this.b;
        int c = this.c;
        int d = this.d;

        a = ff(a, b, c, d, x0, 7, 0xd76aa478);
        d = ff(d, a, b, c, x1, 12, 0xe8c7b756);
        c = ff(c, d, a, b, x2, 17, 0x242070db);
        b = ff(b, c, d, a, x3, 22, 0xc1bdceee);
        a = ff(a, b, c, d, x4, 7, 0xf57c0faf);
        d = ff(d, a, b, c, x5, 12, 0x4787c62a);
        c = ff(c, d, a, b, x6, 17, 0xa8304613);
        b = ff(b, c, d, a, x7, 22, 0xfd469501);
        a = ff(a, b, c, d, x8, 7, 0x698098d8);
        d = ff(d, a, b, c, x9, 12, 0x8b44f7af);
        c = ff(c, d, a, b, x10, 17, 0xffff5bb1);
        b = ff(b, c, d, a, x11, 22, 0x895cd7be);
        a = ff(a, b, c, d, x12, 7, 0x6b901122);
        d = ff(d, a, b, c, x13, 12, 0xfd987193);
        c = ff(c, d, a, b, x14, 17, 0xa679438e);
        b = ff(b, c, d, a, x15, 22, 0x49b40821);

        a = gg(a, b, c, d, x1, 5, 0xf61e2562);
        d = gg(d, a, b, c, x6, 9, 0xc040b340);
        c = gg(c, d, a, b, x11, 14, 0x265e5a51);
        b = gg(b, c, d, a, x0, 20, 0xe9b6c7aa);
        a = gg(a, b, c, d, x5, 5, 0xd62f105d);
        d = gg(d, a, b, c, x10, 9, 0x02441453);
        c = gg(c, d, a, b, x15, 14, 0xd8a1e681);
        b = gg(b, c, d, a, x4, 20, 0xe7d3fbc8);
        a = gg(a, b, c, d, x9, 5, 0x21e1cde6);
        d = gg(d, a, b, c, x14, 9, 0xc33707d6);
        c = gg(c, d, a, b, x3, 14, 0xf4d50d87);
        b = gg(b, c, d, a, x8, 20, 0x455a14ed);
        a = gg(a, b, c, d, x13, 5, 0xa9e3e905);
        d = gg(d, a, b, c, x2, 9, 0xfcefa3f8);
        c = gg(c, d, a, b, x7, 14, 0x676f02d9);
        b = gg(b, c, d, a, x12, 20, 0x8d2a4c8a);

        a = hh(a, b, c, d, x5, 4, 0xfffa3942);
        d = hh(d, a, b, c, x8, 11, 0x8771f681);
        c = hh(c, d, a, b, x11, 16, 0x6d9d6122);
        b = hh(b, c, d, a, x14, 23, 0xfde5380c);
        a = hh(a, b, c, d, x1, 4, 0xa4beea44);
        d = hh(d, a, b, c, x4, 11, 0x4bdecfa9);
        c = hh(c, d, a, b, x7, 16, 0xf6bb4b60);
        b = hh(b, c, d, a, x10, 23, 0xbebfbc70);
        a = hh(a, b, c, d, x13, 4, 0x289b7ec6);
        d = hh(d, a, b, c, x0, 11, 0xeaa127fa);
        c = hh(c, d, a, b, x3, 16, 0xd4ef3085);
        b = hh(b, c, d, a, x6, 23, 0x04881d05);
        a = hh(a, b, c, d, x9, 4, 0xd9d4d039);
        d = hh(d, a, b, c, x12, 11, 0xe6db99e5);
        c = hh(c, d, a, b, x15, 16, 0x1fa27cf8);
        b = hh(b, c, d, a, x2, 23, 0xc4ac5665);

        a = ii(a, b, c, d, x0, 6, 0xf4292244);
        d = ii(d, a, b, c, x7, 10, 0x432aff97);
        c = ii(c, d, a, b, x14, 15, 0xab9423a7);
        b = ii(b, c, d, a, x5, 21, 0xfc93a039);
        a = ii(a, b, c, d, x12, 6, 0x655b59c3);
        d = ii(d, a, b, c, x3, 10, 0x8f0ccc92);
        c = ii(c, d, a, b, x10, 15, 0xffeff47d);
        b = ii(b, c, d, a, x1, 21, 0x85845dd1);
        a = ii(a, b, c, d, x8, 6, 0x6fa87e4f);
        d = ii(d, a, b, c, x15, 10, 0xfe2ce6e0);
        c = ii(c, d, a, b, x6, 15, 0xa3014314);
        b = ii(b, c, d, a, x13, 21, 0x4e0811a1);
        a = ii(a, b, c, d, x4, 6, 0xf7537e82);
        d = ii(d, a, b, c, x11, 10, 0xbd3af235);
        c = ii(c, d, a, b, x2, 15, 0x2ad7d2bb);
        b = ii(b, c, d, a, x9, 21, 0xeb86d391);

        this.a += a;
        this.b += b;
        this.c += c;
        this.d += d;
    }
}
