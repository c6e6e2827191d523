package dev.custflow.internal.compile;

import java.nio.file.Files;
import java.nio.file.Path;

/** A second process for {@link RuleCacheTest}: writes the same cache entry again and again. */
public final class RuleCacheWriter {
    private RuleCacheWriter() {
    }

    /** @param args the cache folder, the entry's key, a file with the entry's bytes, how many times */
    public static void main(String[] args) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(args[2]));
        for (int i = Integer.parseInt(args[3]); i > 0; i--) {
            RuleCache.write(Path.of(args[0]), args[1], bytes);
        }
    }
}
