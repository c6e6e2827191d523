package dev.custflow.internal.compile;

import dev.custflow.RuleSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.definition.KiePackage;

/**
 * The built-in packs' packages, compiled once, with the user's, compiled on top of them, in the order one
 * compilation of them all gives: Drools keeps a builder's packages in a hash map by name, and the order a KieBase
 * is given its packages in decides the order of its network (which of two rules of the same salience fires first).
 */
final class WholeOrder {
    private WholeOrder() {
    }

    /**
     * @param builtIn  the packs' packages, as their own compilation listed them
     * @param user     the user's packages, as theirs listed them
     * @param builtIns the packs' sources (unused: the order does not depend on them)
     * @return all of them in the order of one compilation; empty when both sides have rules or functions in a
     *         package of the same name (then they must be compiled together)
     */
    static Optional<List<KiePackage>> merge(Collection<KiePackage> builtIn, Collection<KiePackage> user,
                                            List<RuleSource> builtIns) {
        Map<String, List<KiePackage>> byName = new LinkedHashMap<>();
        for (KiePackage p : builtIn) {
            byName.computeIfAbsent(p.getName(), n -> new ArrayList<>()).add(p);
        }
        for (KiePackage p : user) {
            List<KiePackage> same = byName.computeIfAbsent(p.getName(), n -> new ArrayList<>());
            if (!same.isEmpty() && (hasCode(p) || same.stream().anyMatch(WholeOrder::hasCode))) {
                return Optional.empty();
            }
            same.add(p);
        }
        Map<String, List<KiePackage>> hashed = new ConcurrentHashMap<>();
        byName.forEach(hashed::put);
        List<KiePackage> out = new ArrayList<>();
        hashed.values().forEach(out::addAll);
        return Optional.of(out);
    }

    private static boolean hasCode(KiePackage p) {
        return !p.getRules().isEmpty() || !p.getFunctionNames().isEmpty();
    }
}
