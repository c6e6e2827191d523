package dev.custflow.internal.compile;

import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Run by the build when the jar is packaged: compiles the built-in packs as an engine with the default packs
 * loads them (all of them, in their order) into the jar's {@link RuleCache#RESOURCE_FOLDER}, so that such an
 * engine starts without the compiler; an engine with some of the packs takes their packages from the same entry
 * ({@link #selection}).
 */
public final class BuiltInRules {
    private BuiltInRules() {
    }

    /** @param args the build's output folder of classes */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuiltInRules OUTPUT_CLASSES_FOLDER");
        }
        Path folder = Path.of(args[0]).resolve(RuleCache.RESOURCE_FOLDER);
        // an earlier build's entry (another build id) would only make the jar larger
        if (Files.isDirectory(folder)) {
            try (Stream<Path> old = Files.list(folder)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        RuleCompiler.compileInto(defaultPacks(), List.of(), Sandbox.DEFAULT, folder);
    }

    /** @return the sources of every built-in pack, as an engine with the default packs compiles them */
    static List<RuleSource> defaultPacks() {
        List<RuleSource> out = new ArrayList<>();
        for (RulePack p : RulePack.values()) {
            out.add(RuleSource.ofClasspath(p.resource(), BuiltInRules.class.getClassLoader()));
        }
        return out;
    }

    /**
     * Some of the built-in packs (a selection, or packs the settings switch off) taken from the jar's entry of all of
     * them, rather than compiled at start: each pack is a package of its own, compiled on its own (docs/design/
     * drools10.md), so its packages read back are what compiling the selection gives, in the same order.
     *
     * @param folder the cache folder to take the entry of all the packs from, or null for the jar's
     * @return empty if the selection is not some of the packs as the jar holds them, in their order, or the entry
     *         cannot be split by file
     */
    static Optional<RuleCache.Entry> selection(List<RuleSource> builtIns, Sandbox sandbox, ClassLoader loader,
                                               Path folder) {
        List<RuleSource> all = BuiltInRules.defaultPacks();
        if (builtIns.isEmpty() || builtIns.size() >= all.size()) {
            return Optional.empty();
        }
        int at = 0;
        for (RuleSource s : builtIns) { // a subsequence of the packs, file for file
            while (at < all.size() && !all.get(at).equals(s)) {
                at++;
            }
            if (at == all.size()) {
                return Optional.empty();
            }
            at++;
        }
        Set<String> files = new HashSet<>();
        builtIns.forEach(s -> files.add(s.name()));
        String key = RuleCache.key(RuleCompiler.hashOf(all, List.of(), sandbox), false);
        return (folder == null ? RuleCache.readBuiltIn(key, loader) : RuleCache.read(folder, key, loader))
                .flatMap(e -> e.only(files));
    }
}
