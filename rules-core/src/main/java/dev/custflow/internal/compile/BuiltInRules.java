package dev.custflow.internal.compile;

import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run by the build when the jar is packaged: compiles the built-in packs as an engine with the default packs
 * loads them (all of them, in their order) into the jar's {@link RuleCache#RESOURCE_FOLDER}, so that such an
 * engine starts without the compiler. Another selection of packs is compiled when an engine is built (and kept in
 * the host's cache folder, if any).
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
}
