package dev.custflow.model;

import java.util.Arrays;

/**
 * Lead-scoring behaviour folded into a running total: thousandths of a point as of one minute, which
 * halve every half-life, plus a tally of what earned them (for the reason a sales manager reads).
 * No list of interactions is kept: about 60 bytes with a few kinds of engagement.
 */
final class Behaviour {
    /** Distinct tally labels kept; further ones count as "other". */
    static final int TALLY_LIMIT = 12;
    /** Keeps the total far inside a double's exact integers, whatever the counts. */
    static final long MAX_MILLI = 1_000_000_000_000L;

    long milli;
    int minute = Integer.MIN_VALUE;
    String[] what = new String[0];
    int[] count = new int[0];

    /**
     * Decays a total with exact, reproducible arithmetic: StrictMath gives the same bits on every JVM
     * and platform, and the result is rounded half up to a whole thousandth.
     *
     * @param milli           thousandths of a point
     * @param minutes         minutes elapsed
     * @param halfLifeMinutes the half-life
     * @return what is left
     */
    static long decay(long milli, long minutes, long halfLifeMinutes) {
        if (minutes <= 0 || milli == 0) {
            return milli;
        }
        return Math.round(milli * StrictMath.pow(0.5, (double) minutes / halfLifeMinutes));
    }

    /**
     * Adds another profile's points (a merge): both totals are decayed to the later of their two minutes, so
     * the sum is what one profile would hold had it earned both.
     */
    void fold(Behaviour other, long halfLifeMinutes) {
        if (other.milli != 0 || other.minute != Integer.MIN_VALUE) {
            int at = Math.max(minute, other.minute);
            milli = Math.min(MAX_MILLI, (minute == Integer.MIN_VALUE ? 0 : decay(milli, (long) at - minute,
                    halfLifeMinutes)) + decay(other.milli, (long) at - other.minute, halfLifeMinutes));
            minute = at;
        }
        for (int i = 0; i < other.what.length; i++) {
            tally(other.what[i], other.count[i]);
        }
    }

    long at(int nowMinute, long halfLifeMinutes) {
        return decay(milli, (long) nowMinute - minute, halfLifeMinutes);
    }

    void add(int nowMinute, long halfLifeMinutes, String label, int n, int points) {
        milli = Math.min(MAX_MILLI, at(nowMinute, halfLifeMinutes) + points * 1000L);
        minute = Math.max(minute, nowMinute);
        tally(label, n);
    }

    private void tally(String label, int n) {
        String l = label;
        int i = indexOf(l);
        if (i < 0 && what.length >= TALLY_LIMIT) {
            l = "other";
            i = indexOf(l);
        }
        if (i < 0) {
            what = Arrays.copyOf(what, what.length + 1);
            count = Arrays.copyOf(count, count.length + 1);
            i = what.length - 1;
            what[i] = l.intern();
        }
        count[i] = (int) Math.min(Integer.MAX_VALUE, (long) count[i] + n);
    }

    private int indexOf(String label) {
        for (int i = 0; i < what.length; i++) {
            if (what[i].equals(label)) {
                return i;
            }
        }
        return -1;
    }
}
