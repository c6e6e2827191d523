package dev.custflow.examples.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weight of evidence of each value of one column: how much more (or less) often leads with that
 * value converted than leads in general, in log-odds, with Laplace smoothing,
 * {@code ln((converted_v + a) / (P + aK)) - ln((not_v + a) / (N + aK))} over the K buckets.
 *
 * <p>Values ignore case (as the engine's tables do) and are shown in their most frequent spelling.
 * Values seen in fewer than {@code minRows} leads are pooled with the missing ones: that pool is what
 * the engine gives 0 points (no entry in the table), so every other value's evidence is taken
 * relative to it. A pool too small to say anything itself ({@code < minRows}) counts as the average
 * lead (evidence 0).
 */
public final class Evidence {

    /**
     * One bucket of leads.
     *
     * @param name      the value as shown (its most frequent spelling), or null for the pool
     * @param rows      leads with it
     * @param converted of those, how many converted
     * @param woe       its weight of evidence (against all leads)
     */
    public record Bucket(String name, int rows, int converted, double woe) {
        /** @return converted / rows */
        public double rate() {
            return rows == 0 ? 0 : (double) converted / rows;
        }
    }

    private final Map<String, Bucket> kept;
    private final Bucket pool;
    private final double poolWoe;

    private Evidence(Map<String, Bucket> kept, Bucket pool, double poolWoe) {
        this.kept = kept;
        this.pool = pool;
        this.poolWoe = poolWoe;
    }

    /**
     * @param values    one value per lead, null when missing
     * @param converted the outcome of each lead
     * @param minRows   values seen less often than this are pooled with the missing ones
     * @param smoothing added to each bucket's counts (1 is Laplace's)
     * @return the evidence of each value
     */
    public static Evidence of(List<String> values, boolean[] converted, int minRows, double smoothing) {
        if (values.size() != converted.length) {
            throw new IllegalArgumentException(values.size() + " values but " + converted.length + " outcomes");
        }
        Map<String, int[]> counts = new TreeMap<>(); // key: lower case; rows, converted
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        int positives = 0;
        for (int i = 0; i < converted.length; i++) {
            positives += converted[i] ? 1 : 0;
            String v = values.get(i);
            if (v == null) {
                continue;
            }
            String key = v.toLowerCase(Locale.ROOT);
            int[] c = counts.computeIfAbsent(key, k -> new int[2]);
            c[0]++;
            c[1] += converted[i] ? 1 : 0;
            spellings.computeIfAbsent(key, k -> new TreeMap<>()).merge(v, 1, Integer::sum);
        }
        int negatives = converted.length - positives;
        int poolRows = 0;
        int poolConverted = 0;
        Map<String, int[]> keep = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            if (e.getValue()[0] >= minRows) {
                keep.put(e.getKey(), e.getValue());
            } else {
                poolRows += e.getValue()[0];
                poolConverted += e.getValue()[1];
            }
        }
        for (int i = 0; i < converted.length; i++) {
            if (values.get(i) == null) {
                poolRows++;
                poolConverted += converted[i] ? 1 : 0;
            }
        }
        int buckets = keep.size() + (poolRows > 0 ? 1 : 0);
        Map<String, Bucket> kept = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : keep.entrySet()) {
            String shown = spellings.get(e.getKey()).entrySet().stream()
                    .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow().getKey();
            int[] c = e.getValue();
            kept.put(e.getKey(), new Bucket(shown, c[0], c[1], woe(c[1], c[0] - c[1], positives, negatives, buckets,
                    smoothing)));
        }
        Bucket pool = new Bucket(null, poolRows, poolConverted, woe(poolConverted, poolRows - poolConverted,
                positives, negatives, Math.max(1, buckets), smoothing));
        return new Evidence(kept, pool, poolRows >= minRows ? pool.woe() : 0);
    }

    /**
     * @return {@code ln((pos + a) / (P + aK)) - ln((neg + a) / (N + aK))}
     */
    static double woe(int pos, int neg, int positives, int negatives, int buckets, double a) {
        return Math.log((pos + a) / (positives + a * buckets)) - Math.log((neg + a) / (negatives + a * buckets));
    }

    /**
     * @param value a value, or null
     * @return its evidence relative to the pool: 0 for a missing, rare or unseen value
     */
    public double of(String value) {
        if (value == null) {
            return 0;
        }
        Bucket b = kept.get(value.toLowerCase(Locale.ROOT));
        return b == null ? 0 : b.woe() - poolWoe;
    }

    /** @return the values kept (seen in at least {@code minRows} leads), most leads first */
    public List<Bucket> kept() {
        List<Bucket> out = new ArrayList<>(kept.values());
        out.sort(Comparator.comparingInt(Bucket::rows).reversed().thenComparing(Bucket::name));
        return out;
    }

    /** @return the pool of missing and rare values, which the engine gives no points */
    public Bucket pool() {
        return pool;
    }

    /** @return the weight of evidence that counts as 0: the pool's, or 0 when the pool is too small */
    public double poolWoe() {
        return poolWoe;
    }
}
