package dev.custflow.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean ...": the closest known name to a misspelt one, if it is close enough to be a typo. */
public final class Suggest {
    private Suggest() {
    }

    /**
     * @param given a name that is not known
     * @param known the names that are
     * @return the closest known name within a third of the length (at least 2 edits), ignoring case
     */
    public static Optional<String> closest(String given, Collection<String> known) {
        LevenshteinDistance d = LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String g = given.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int dist = d.apply(k.toLowerCase(Locale.ROOT), g);
            if (dist < bestD) {
                bestD = dist;
                best = k;
            }
        }
        return best != null && bestD <= Math.max(2, given.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /**
     * Ranks sentence patterns by how close a line that matched none of them is: word by word, a
     * {@code {value}} placeholder stands for any one word (the last one for the rest of the line), a
     * misspelt word costs the share of its letters that differ, a missing or extra word costs 1.
     *
     * @param line      the line, words separated by spaces (Chinese sentences are written with spaces too)
     * @param sentences the sentence patterns, e.g. {@code - with no order for {days} days}
     * @param max       at most this many
     * @return the closest sentences, closest first; only those that differ in at most a third of their fixed words
     */
    public static List<String> sentences(String line, Collection<String> sentences, int max) {
        String[] words = words(line);
        record Scored(String sentence, double cost) {
        }
        return sentences.stream()
                .map(s -> new Scored(s, distance(words, words(s))))
                .filter(s -> s.cost() <= literalWords(s.sentence()) / 3.0)
                .sorted(Comparator.comparingDouble(Scored::cost).thenComparing(Scored::sentence))
                .limit(max)
                .map(Scored::sentence)
                .toList();
    }

    private static long literalWords(String sentence) {
        return java.util.Arrays.stream(words(sentence)).filter(w -> !(w.startsWith("{") && w.endsWith("}"))).count();
    }

    private static String[] words(String s) {
        String t = s.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /** Weighted word edit distance; a placeholder word matches any word, a trailing one any rest. */
    private static double distance(String[] line, String[] pattern) {
        LevenshteinDistance d = LevenshteinDistance.getDefaultInstance();
        double[][] c = new double[line.length + 1][pattern.length + 1];
        for (int i = 0; i <= line.length; i++) {
            for (int j = 0; j <= pattern.length; j++) {
                if (i == 0 || j == 0) {
                    c[i][j] = i + j;
                    continue;
                }
                String p = pattern[j - 1];
                boolean placeholder = p.startsWith("{") && p.endsWith("}");
                double sub = placeholder ? 0 : (double) d.apply(line[i - 1].toLowerCase(Locale.ROOT),
                        p.toLowerCase(Locale.ROOT)) / Math.max(line[i - 1].length(), p.length());
                double best = Math.min(c[i - 1][j - 1] + sub, Math.min(c[i - 1][j] + 1, c[i][j - 1] + 1));
                if (placeholder && j == pattern.length) {
                    best = Math.min(best, c[i - 1][j]); // the last placeholder takes the rest of the line
                }
                c[i][j] = best;
            }
        }
        return c[line.length][pattern.length];
    }
}
