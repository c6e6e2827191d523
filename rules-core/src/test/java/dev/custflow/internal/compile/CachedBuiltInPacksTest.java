package dev.custflow.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.testdata.ExampleStreams;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in packs read back from the cache decide exactly as the compiled packs: the docs/examples lifecycle
 * stream, then a year of time rules, gives the same actions from an engine of each.
 */
class CachedBuiltInPacksTest {
    @TempDir
    Path folder;

    private static List<String> replay() throws Exception {
        List<String> out = new ArrayList<>();
        try (Engine engine = Custflow.builder().build()) {
            for (Event e : ExampleStreams.events("lifecycle.jsonl")) {
                engine.accept(e).forEach(a -> out.add(a.toString()));
            }
            for (Action a : engine.advanceTo(Instant.parse("2025-06-01T00:00:00Z")).actions()) {
                out.add(a.toString());
            }
        }
        return out;
    }

    @Test
    void theBuiltInPacksReadFromTheCache_decideAsTheCompiledPacks() throws Exception {
        CompiledRules compiled = RuleCompiler.compileInto(BuiltInRules.defaultPacks(), List.of(), Sandbox.DEFAULT,
                folder);
        List<String> fromCompiled = replay();

        CompiledRules read = RuleCompiler.cached(BuiltInRules.defaultPacks(), List.of(), Sandbox.DEFAULT, folder)
                .orElseThrow();
        assertThat(read.ruleNames()).isEqualTo(compiled.ruleNames());
        String before = System.getProperty(RuleCache.PROPERTY);
        System.setProperty(RuleCache.PROPERTY, folder.toString());
        RuleCompiler.forgetInMemory();
        try {
            List<String> fromCache = replay();

            assertThat(fromCache).isNotEmpty().isEqualTo(fromCompiled);
        } finally {
            if (before == null) {
                System.clearProperty(RuleCache.PROPERTY);
            } else {
                System.setProperty(RuleCache.PROPERTY, before);
            }
            RuleCompiler.forgetInMemory();
        }
    }
}
