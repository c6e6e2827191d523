package dev.custflow.internal.snapshot;

import java.math.BigDecimal;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * The encodings a customer snapshot is built from: minute lists as differences from one entry to the next, int and
 * string arrays, decimals. Each part of a profile writes its own fields with these (the engine's profile classes own
 * the fields); times are written against the customer's creation time, so a typical profile takes a few hundred
 * bytes. Enums are written by ordinal: a new constant goes at the end, and reordering one needs a new format
 * version (SnapshotFixtureTest pins versions 1 and 2).
 */
public final class CustomerCodec {
    private static final int[] NO_INTS = new int[0];

    private CustomerCodec() {
    }

    /** Writes a minute list as its size and the differences from {@code base} and from one entry to the next. */
    public static void minutes(SnapshotOutput o, IntArrayList l, int base) {
        o.writeVarInt(l.size());
        int prev = base;
        for (int i = 0; i < l.size(); i++) {
            o.writeSignedLong((long) l.get(i) - prev);
            prev = l.get(i);
        }
    }

    /** Writes a minute array the way {@link #minutes(SnapshotOutput, IntArrayList, int)} writes a list. */
    public static void minutes(SnapshotOutput o, int[] a, int base) {
        o.writeVarInt(a.length);
        int prev = base;
        for (int m : a) {
            o.writeSignedLong((long) m - prev);
            prev = m;
        }
    }

    /** Reads what {@link #minutes(SnapshotOutput, int[], int)} wrote, into an array of exactly its size. */
    public static int[] minuteArray(SnapshotInput in, int base) {
        int n = in.readVarInt();
        int[] a = n == 0 ? NO_INTS : new int[n];
        long prev = base;
        for (int i = 0; i < n; i++) {
            prev += in.readSignedLong();
            a[i] = (int) prev;
        }
        return a;
    }

    /** Reads what {@link #minutes(SnapshotOutput, IntArrayList, int)} wrote. */
    public static IntArrayList minutes(SnapshotInput in, int base) {
        int n = in.readVarInt();
        IntArrayList l = new IntArrayList(Math.max(n, 2));
        long prev = base;
        for (int i = 0; i < n; i++) {
            prev += in.readSignedLong();
            l.add((int) prev);
        }
        return l;
    }

    /** Reads a minute list into {@code l}. */
    public static void minutesInto(SnapshotInput in, IntArrayList l, int base) {
        l.addAll(minutes(in, base));
    }

    /** Writes an int array. */
    public static void ints(SnapshotOutput o, int[] a) {
        o.writeVarInt(a.length);
        for (int v : a) {
            o.writeSignedInt(v);
        }
    }

    /** Reads an int array. */
    public static int[] ints(SnapshotInput in) {
        int[] a = new int[in.readVarInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readSignedInt();
        }
        return a;
    }

    /** Writes a string array. */
    public static void strings(SnapshotOutput o, String[] a) {
        o.writeVarInt(a.length);
        for (String s : a) {
            o.writeString(s);
        }
    }

    /** Reads a string array written by {@link #strings(SnapshotOutput, String[])}. */
    public static String[] strings(SnapshotInput in) {
        String[] a = new String[in.readVarInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readString();
        }
        return a;
    }

    /** Reads a string array, interning each string (tags, causes, SKUs come from small vocabularies). */
    public static String[] interned(SnapshotInput in) {
        String[] a = new String[in.readVarInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readInterned();
        }
        return a;
    }

    /** Writes a decimal, or null. */
    public static void decimal(SnapshotOutput o, BigDecimal d) {
        o.writeString(d == null ? null : d.toPlainString());
    }

    /** Reads a decimal, or null. */
    public static BigDecimal decimal(SnapshotInput in) {
        String s = in.readString();
        return s == null ? null : new BigDecimal(s);
    }
}
