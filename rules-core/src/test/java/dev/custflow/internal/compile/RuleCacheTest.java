package dev.custflow.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.RuleSource;
import dev.custflow.testdata.Marker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieSession;

/**
 * Compiled rule sets on disk: a second process with the same rules reads them instead of compiling, and anything
 * else (other rules, a corrupt, foreign or changed file) is a miss that compiles as before, never an error. The
 * rule sets here are small user rules on their own, so each test compiles in well under a second.
 */
class RuleCacheTest {
    private static final String RULES = """
            package user.cache;
            import dev.custflow.testdata.Marker;
            // doubles a marker's value
            rule "user: a marker is seen twice over"
            when
                $m : Marker( $v : value > 0 )
            then
                $m.setSeen($v * 2);
            end
            """;
    /** The rules' fact, which the host allows them to use. */
    private static final Sandbox SANDBOX = new Sandbox(List.of(Marker.class.getName()));

    @TempDir
    Path folder;

    private static List<RuleSource> rules(String text) {
        return List.of(RuleSource.drl("cache.drl", text));
    }

    private static List<RuleSource> rules() {
        return rules(RULES);
    }

    private Optional<CompiledRules> cached(List<RuleSource> user) {
        return RuleCompiler.cached(List.of(), user, SANDBOX, folder);
    }

    private Path entry() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".rules")).findFirst().orElseThrow();
        }
    }

    /** What the rules do: a marker of 21 is seen as 42. */
    private static int seen(KieBase base) {
        Marker m = new Marker(21);
        KieSession session = base.newKieSession();
        try {
            session.insert(m);
            session.fireAllRules();
            return m.getSeen();
        } finally {
            session.dispose();
        }
    }

    private static boolean instrumented(KieBase base) {
        Set<Boolean> found = new HashSet<>();
        for (KiePackage kp : base.getKiePackages()) {
            if (((InternalKnowledgePackage) kp).getDialectRuntimeRegistry().getDialectData("java")
                    instanceof JavaDialectRuntimeData data) {
                data.getStore().forEach((k, v) -> found.add(new String(v, StandardCharsets.ISO_8859_1)
                        .contains(RuleInstrumenter.BUDGET)));
            }
        }
        return found.contains(true);
    }

    @Test
    void anEmptyFolder_isAMiss_andCompilingWritesOneEntry() throws IOException {
        assertThat(cached(rules())).isEmpty();

        RuleCompiler.compileInto(List.of(), rules(), SANDBOX, folder);

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .singleElement().asString().matches("[0-9a-f]{64}\\.rules");
        }
    }

    @Test
    void theSameRulesAgain_areReadFromTheCache_andDecideAsCompiledOnes() throws Exception {
        CompiledRules compiled = RuleCompiler.compileInto(List.of(), rules(), SANDBOX, folder);

        CompiledRules read = cached(rules()).orElseThrow();

        assertThat(read.ruleNames()).isEqualTo(compiled.ruleNames())
                .containsExactly("user: a marker is seen twice over");
        assertThat(seen(read.kieBase())).isEqualTo(42);
        assertThat(seen(compiled.kieBase())).isEqualTo(42);
        // the user's classes run under the rule limits when read, as when compiled
        assertThat(instrumented(read.kieBase())).isTrue();
        assertThat(read.hash()).isEqualTo(compiled.hash());
    }

    @Test
    void aChangedRuleFile_isAMiss_andGetsAnEntryOfItsOwn() throws IOException {
        RuleCompiler.compileInto(List.of(), rules(), SANDBOX, folder);
        List<RuleSource> changed = rules(RULES.replace("$v * 2", "$v * 3"));

        assertThat(cached(changed)).isEmpty();

        RuleCompiler.compileInto(List.of(), changed, SANDBOX, folder);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void aCorruptEntry_isAMiss_andNotAnError() throws IOException {
        RuleCompiler.compileInto(List.of(), rules(), SANDBOX, folder);
        Path file = entry();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);

        assertThat(cached(rules())).isEmpty();
    }

    @Test
    void aTruncatedOrForeignEntry_isAMiss() throws IOException {
        RuleCompiler.compileInto(List.of(), rules(), SANDBOX, folder);
        Path file = entry();
        byte[] bytes = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThat(cached(rules())).isEmpty();

        Files.writeString(file, "not compiled rules at all");
        assertThat(cached(rules())).isEmpty();

        Files.write(file, new byte[0]);
        assertThat(cached(rules())).isEmpty();
    }

    @Test
    void anEntryOfOtherRulesUnderThisName_isAMiss() throws IOException {
        RuleCompiler.compileInto(List.of(), rules(RULES.replace("$v * 2", "$v * 3")), SANDBOX, folder);
        Path other = entry();
        String key = RuleCache.key(RuleCompiler.hashOf(List.of(), rules(), SANDBOX), false);
        Files.copy(other, folder.resolve(key + ".rules"));

        assertThat(cached(rules())).isEmpty();
    }

    @Test
    void anEntryChangedToRunWhatTheSandboxRefuses_isAMiss_evenWithAValidDigest() throws IOException {
        // the same rules compiled where the host allowed java.io.File, stored under the key of the usual sandbox
        String refused = RULES.replace("$m.setSeen($v * 2);",
                "$m.setSeen($v * 2 + (int) new java.io.File(\"x\").length());");
        Sandbox allowing = new Sandbox(List.of(Marker.class.getName(), "java.io.File"));
        Path elsewhere = Files.createDirectory(folder.resolve("elsewhere"));
        RuleCompiler.compileInto(List.of(), rules(refused), allowing, elsewhere);
        Path made;
        try (Stream<Path> files = Files.list(elsewhere)) {
            made = files.findFirst().orElseThrow();
        }
        String madeKey = made.getFileName().toString().replace(".rules", "");
        RuleCache.Entry entry = RuleCache.decode(Files.readAllBytes(made), madeKey, "test",
                getClass().getClassLoader()).orElseThrow();
        String key = RuleCache.key(RuleCompiler.hashOf(List.of(), rules(refused), SANDBOX), false);
        Files.write(folder.resolve(key + ".rules"), RuleCache.encode(key, entry));

        assertThat(RuleCompiler.cached(List.of(), rules(refused), SANDBOX, folder)).isEmpty();
    }

    @Test
    void anEntryThatTrustsAUsersFile_isAMiss() throws IOException {
        RuleCompiler.compileInto(List.of(), rules(), SANDBOX, folder);
        Path file = entry();
        String key = file.getFileName().toString().replace(".rules", "");
        RuleCache.Entry entry = RuleCache.decode(Files.readAllBytes(file), key, "test",
                getClass().getClassLoader()).orElseThrow();
        Files.write(file, RuleCache.encode(key, new RuleCache.Entry(entry.packages(), Set.of("cache.drl"),
                entry.warnings())));

        assertThat(cached(rules())).isEmpty();
    }

    @Test
    void aFolderThatCannotBeWritten_onlyCostsTheNextRunItsCompile() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");

        CompiledRules compiled = RuleCompiler.compileInto(List.of(), rules(), SANDBOX, notAFolder);

        assertThat(compiled.ruleNames()).hasSize(1);
        assertThat(RuleCompiler.cached(List.of(), rules(), SANDBOX, notAFolder)).isEmpty();
    }

    @Test
    void theFolder_keepsTheMostRecentlyUsedEntries() throws IOException {
        byte[] some = "x".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < RuleCache.KEEP + 5; i++) {
            Path old = folder.resolve(String.format("%064x.rules", i));
            Files.write(old, some);
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1_000L * i));
        }

        RuleCache.write(folder, "f".repeat(64), some);

        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).hasSize(RuleCache.KEEP).contains("f".repeat(64) + ".rules")
                    .doesNotContain(String.format("%064x.rules", 0));
        }
    }

    @Test
    void twoProcessesWritingTheSameEntry_leaveAWholeEntry_andReadersNeverSeeAPart() throws Exception {
        CompiledRules compiled = RuleCompiler.compileInto(List.of(), rules(), SANDBOX, folder);
        Path file = entry();
        String key = file.getFileName().toString().replace(".rules", "");
        Path source = Files.copy(file, folder.resolve("source.bin"));
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            writers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RuleCacheWriter.class.getName(),
                    folder.toString(), key, source.toString(), "40")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        int reads = 0;
        while (writers.stream().anyMatch(Process::isAlive) || reads == 0) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(RuleCache.decode(bytes, key, "test", getClass().getClassLoader())).isPresent();
            reads++;
        }
        for (Process p : writers) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }

        assertThat(cached(rules()).orElseThrow().ruleNames()).isEqualTo(compiled.ruleNames());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void rulesThatDeclareTypes_areNotCached_andStillCompile() throws IOException {
        List<RuleSource> declaring = rules("""
                package user.declared;
                declare Note
                    text : String
                end
                // a declared type's instances are never matched here
                rule "user: notes are read"
                when
                    Note( text == "x" )
                then
                end
                """);

        CompiledRules compiled = RuleCompiler.compileInto(List.of(), declaring, SANDBOX, folder);

        assertThat(compiled.ruleNames()).containsExactly("user: notes are read");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }
}
