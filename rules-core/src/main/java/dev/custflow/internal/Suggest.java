package dev.custflow.internal;

import java.util.Collection;
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
}
