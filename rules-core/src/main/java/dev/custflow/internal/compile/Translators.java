package dev.custflow.internal.compile;

import dev.custflow.RuleSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The {@link RuleTranslator}s on the class path, found once, and what to say for a kind none of them handles. */
final class Translators {
    /** In the order of the class path and its service files: the order their {@code prepare} runs in. */
    static final List<RuleTranslator> ALL = ServiceLoader.load(RuleTranslator.class, RuleCompiler.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).toList();
    static final Map<RuleSource.Kind, RuleTranslator> BY_KIND = byKind();

    private Translators() {
    }

    private static Map<RuleSource.Kind, RuleTranslator> byKind() {
        Map<RuleSource.Kind, RuleTranslator> out = new EnumMap<>(RuleSource.Kind.class);
        for (RuleTranslator t : ALL) {
            for (RuleSource.Kind k : t.kinds()) {
                out.putIfAbsent(k, t);
            }
        }
        return out;
    }

    /** @return true if a translator ships or generated the source of that name */
    static boolean trusted(String name) {
        return ALL.stream().anyMatch(t -> t.trusted(name));
    }

    /** @return why a file of this kind cannot compile without a translator, and what to add */
    static String missing(RuleSource.Kind kind) {
        String what = switch (kind) {
            case DSL -> "a DSL file (.dsl) needs";
            case DSLR -> "rules in sentences (.dslr) need";
            case DECISION_TABLE_XLSX, DECISION_TABLE_CSV -> "decision tables (.drl.xlsx, .drl.csv) need";
            case DRL -> "DRL needs";
        };
        return what + " the rules-dsl module on the class path: add the dependency dev.custflow:rules-dsl "
                + "(rules-core compiles DRL only)";
    }
}
