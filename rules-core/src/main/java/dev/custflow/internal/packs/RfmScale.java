package dev.custflow.internal.packs;

import dev.custflow.internal.index.Hashes;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;

import dev.custflow.model.Customer;
import dev.custflow.settings.SegmentsSettings;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How RFM scores are given: four thresholds per dimension. Fixed ones come from settings; quintile
 * ones are recomputed weekly from the whole base, where every customer gets the score of its fifth
 * by rank (ties broken in the order of the customer ids, so each score holds a fifth whatever the
 * values, and the same whatever the partitions), and the
 * thresholds (the values at the fifths) score customers who order between two recomputes.
 */
public final class RfmScale {
    /** Days since the last order at or below which R is 5, 4, 3, 2. */
    private final long[] recency;
    /** Orders from which F is 2, 3, 4, 5. */
    private final long[] frequency;
    /** Cents spent from which M is 2, 3, 4, 5. */
    private final long[] monetary;

    private RfmScale(long[] recency, long[] frequency, long[] monetary) {
        this.recency = recency;
        this.frequency = frequency;
        this.monetary = monetary;
    }

    public static RfmScale fixed(SegmentsSettings s) {
        return new RfmScale(s.recencyDays().stream().mapToLong(Integer::longValue).toArray(),
                s.frequencyOrders().stream().mapToLong(Integer::longValue).toArray(),
                s.monetaryAmounts().stream().mapToLong(a -> a * 100).toArray());
    }

    /** Writes the twelve thresholds. */
    public void write(SnapshotOutput o) {
        for (long[] t : new long[][] {recency, frequency, monetary}) {
            o.writeVarInt(t.length);
            for (long v : t) {
                o.writeSignedLong(v);
            }
        }
    }

    public static RfmScale read(SnapshotInput in) {
        long[][] t = new long[3][];
        for (int d = 0; d < 3; d++) {
            t[d] = new long[in.readVarInt()];
            for (int k = 0; k < t[d].length; k++) {
                t[d][k] = in.readSignedLong();
            }
        }
        return new RfmScale(t[0], t[1], t[2]);
    }

    /** @return the scores of one customer at the engine's clock, as {r, f, m} */
    public int[] score(Customer c) {
        return new int[] {scoreDown(recency, c.getDaysSinceLastOrder()), scoreUp(frequency, c.getOrderCount()),
                scoreUp(monetary, c.getTotalSpentCents())};
    }

    private static int scoreDown(long[] t, long v) { // smaller is better
        for (int k = 0; k < 4; k++) {
            if (v <= t[k]) {
                return 5 - k;
            }
        }
        return 1;
    }

    private static int scoreUp(long[] t, long v) { // larger is better
        for (int k = 3; k >= 0; k--) {
            if (v >= t[k]) {
                return k + 2;
            }
        }
        return 1;
    }

    /**
     * Scores the whole base by fifths of rank, and returns the thresholds for those who order later.
     *
     * @param base   every customer with an order, any order
     * @param scores filled with {r, f, m} per customer of {@code base}
     * @return the thresholds at the fifths
     */
    static RfmScale quintiles(List<Customer> base, int[][] scores) {
        int n = base.size();
        long[] days = new long[n];
        long[] orders = new long[n];
        long[] cents = new long[n];
        for (int i = 0; i < n; i++) {
            Customer c = base.get(i);
            days[i] = c.getDaysSinceLastOrder();
            orders[i] = c.getOrderCount();
            cents[i] = c.getTotalSpentCents();
            scores[i] = new int[3];
        }
        int[] tieRank = tieRanks(base);
        long[] r = fifths(days, tieRank, scores, 0, true);
        long[] f = fifths(orders, tieRank, scores, 1, false);
        long[] m = fifths(cents, tieRank, scores, 2, false);
        return new RfmScale(r, f, m);
    }

    /** Values and ranks share one {@code long} for a primitive sort: 40 bits of value, 24 of rank. */
    private static final int RANK_BITS = 24;
    private static final long VALUE_MAX = (1L << (63 - RANK_BITS)) - 1;

    /**
     * The order ties are broken in: by id, the same whatever the partitions, computed once by a primitive
     * sort on a hash of the id (an equal hash, about once in a million pairs, falls back to the ids).
     */
    private static int[] tieRanks(List<Customer> base) {
        int n = base.size();
        if (n >= 1 << RANK_BITS) {
            throw new IllegalStateException("RFM quintiles support up to " + ((1 << RANK_BITS) - 1)
                    + " customers per engine; use more engines (partitioned hosts) or FIXED thresholds");
        }
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            keyed[i] = (idHash(base.get(i).getId()) & VALUE_MAX) << RANK_BITS | i;
        }
        Arrays.parallelSort(keyed); // a weekly sort of up to millions of keys: use the cores
        int[] rank = new int[n];
        for (int k = 0; k < n; k++) {
            rank[(int) (keyed[k] & ((1 << RANK_BITS) - 1))] = k;
        }
        for (int k = 0; k < n; ) { // equal hashes (about once in a million pairs): order by the ids themselves
            int end = k + 1;
            while (end < n && keyed[end] >>> RANK_BITS == keyed[k] >>> RANK_BITS) {
                end++;
            }
            if (end - k > 1) {
                Integer[] run = new Integer[end - k];
                for (int j = k; j < end; j++) {
                    run[j - k] = (int) (keyed[j] & ((1 << RANK_BITS) - 1));
                }
                Arrays.sort(run, Comparator.comparing(i -> base.get(i).getId()));
                for (int j = 0; j < run.length; j++) {
                    rank[run[j]] = k + j;
                }
            }
            k = end;
        }
        return rank;
    }

    private static long idHash(String id) {
        return Hashes.halfMix(Hashes.fnv1a(id, Hashes.FNV_BASIS));
    }

    /** Ranks by value (then the tie rank), gives each fifth its score, and returns the value at each fifth's edge. */
    private static long[] fifths(long[] value, int[] tieRank, int[][] scores, int dim, boolean lowerIsBetter) {
        int n = value.length;
        int[] byTieRank = new int[n];
        for (int i = 0; i < n; i++) {
            byTieRank[tieRank[i]] = i;
        }
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            long v = Math.min(Math.max(value[i], 0), VALUE_MAX);
            keyed[i] = (lowerIsBetter ? v : VALUE_MAX - v) << RANK_BITS | tieRank[i];
        }
        Arrays.parallelSort(keyed); // best first
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = byTieRank[(int) (keyed[k] & ((1 << RANK_BITS) - 1))];
        }
        for (int rank = 0; rank < n; rank++) {
            int fifth = (int) ((long) rank * 5 / n); // 0 = best fifth
            scores[order[rank]][dim] = 5 - fifth;
        }
        long[] edges = new long[4];
        for (int k = 0; k < 4; k++) {
            // the value of the last customer of the (k+1)-th best fifth
            int last = Math.max(0, (int) Math.ceil((k + 1) * n / 5.0) - 1);
            edges[k] = n == 0 ? 0 : value[order[last]];
        }
        if (lowerIsBetter) {
            return edges; // days at or below edges[0] → 5, ...
        }
        long[] up = new long[4]; // from up[0] → 2 ... from up[3] → 5
        for (int k = 0; k < 4; k++) {
            up[k] = edges[3 - k];
        }
        for (int k = 1; k < 4; k++) { // keep them ascending when values tie
            up[k] = Math.max(up[k], up[k - 1]);
        }
        return up;
    }
}
