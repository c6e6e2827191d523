package dev.custflow.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lead-scoring behaviour folded into a running total: thousandths of a point as of one minute, which
 * halve every half-life, plus a tally of what earned them (for the reason a sales manager reads).
 * No list of interactions is kept: about 60 bytes with a few kinds of engagement. Engine use: rules
 * read it through {@link Customer}; the engine's subclass adds points.
 */
public abstract class Behaviour {
    protected long milli;
    protected int minute = Integer.MIN_VALUE;
    protected String[] what = new String[0];
    protected int[] count = new int[0];

    /** Only the engine creates behaviour tallies. */
    protected Behaviour() {
    }

    /**
     * Decays a total with exact, reproducible arithmetic: StrictMath gives the same bits on every JVM
     * and platform, and the result is rounded half up to a whole thousandth.
     *
     * @param milli           thousandths of a point
     * @param minutes         minutes elapsed
     * @param halfLifeMinutes the half-life
     * @return what is left
     */
    protected static long decay(long milli, long minutes, long halfLifeMinutes) {
        if (minutes <= 0 || milli == 0) {
            return milli;
        }
        return Math.round(milli * StrictMath.pow(0.5, (double) minutes / halfLifeMinutes));
    }

    /**
     * @param nowMinute       the engine's clock in epoch minutes
     * @param halfLifeMinutes the half-life
     * @return the total decayed to {@code nowMinute}
     */
    protected final long at(int nowMinute, long halfLifeMinutes) {
        return decay(milli, (long) nowMinute - minute, halfLifeMinutes);
    }

    /** The first epoch minute at which the points round to at most {@code points}, or MIN_VALUE when they do now. */
    final long fallsToMinute(int points, int nowMinute, long halfLife) {
        long target = points * 1000L + 499; // the largest total that rounds to `points`
        if (at(nowMinute, halfLife) <= target) {
            return Long.MIN_VALUE;
        }
        long earliest = (long) nowMinute - minute + 1;
        // a first guess from the closed form, then stepped to the exact minute of the decay function itself
        double halvings = StrictMath.log(milli / (target + 0.5)) / StrictMath.log(2);
        long d = Math.max(earliest, (long) Math.floor(halfLife * halvings) + 1);
        while (decay(milli, d, halfLife) > target) {
            d++;
        }
        while (d > earliest && decay(milli, d - 1, halfLife) <= target) {
            d--;
        }
        return minute + d;
    }

    final Map<String, Integer> tally() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < what.length; i++) {
            m.put(what[i], count[i]);
        }
        return Collections.unmodifiableMap(m);
    }
}
