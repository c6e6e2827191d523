package dev.custflow.dsl.internal;

import dev.custflow.RuleMessage;
import dev.custflow.RuleSource;
import dev.custflow.internal.compile.RuleTranslator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.kie.api.io.ResourceType;

/**
 * Rules in sentences: a DSLR file is expanded with its DSL (Drools' expander, line for line, values between quotes
 * escaped) and Drools compiles that expansion as DRL, after {@link DslSupport} has checked every line and added the
 * built-in language and the wake-up rules.
 */
public final class DslTranslator implements RuleTranslator {

    @Override
    public Set<RuleSource.Kind> kinds() {
        return Set.of(RuleSource.Kind.DSL, RuleSource.Kind.DSLR);
    }

    @Override
    public Prepared prepare(List<RuleSource> user) {
        DslSupport.Prepared p = DslSupport.prepare(user);
        return new Prepared(p.sources(), p.errors());
    }

    @Override
    public boolean trusted(String name) {
        return DslSupport.builtIn(name);
    }

    @Override
    public Optional<Translation> translate(RuleSource source, List<RuleSource> all, List<RuleMessage> errors) {
        String[] lines = source.text().split("\n", -1);
        if (source.kind() == RuleSource.Kind.DSL) {
            // the sentences are words, not code: what they expand to and the wake-ups are checked
            return Optional.of(new Translation(ResourceType.DSL, source.content(), dslCode(source.text()), lines,
                    UnaryOperator.identity()));
        }
        // Drools compiles the expansion the sandbox checked, not its own: what is checked is what runs
        List<RuleSource> dsls = all.stream().filter(s -> s.kind() == RuleSource.Kind.DSL).toList();
        String drl = DslSupport.expand(source, dsls);
        return Optional.of(new Translation(ResourceType.DRL, drl.getBytes(StandardCharsets.UTF_8), drl, lines,
                UnaryOperator.identity()));
    }

    /** The code in a DSL file, line for line: what its sentences expand to and its {@code # wake:} statements. */
    static String dslCode(String dsl) {
        StringBuilder out = new StringBuilder();
        for (String line : dsl.split("\n", -1)) {
            String t = line.strip();
            int eq = t.startsWith("[") ? t.replace("\\=", "  ").indexOf('=') : -1;
            String code = t.startsWith("#") ? t.replaceFirst("^#\\s*wake:", "").replaceFirst("^#.*", "")
                    : eq >= 0 ? " ".repeat(line.indexOf(t) + eq + 1) + t.substring(eq + 1) : "";
            out.append(code).append('\n');
        }
        return out.toString();
    }
}
