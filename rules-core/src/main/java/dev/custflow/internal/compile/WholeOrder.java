package dev.custflow.internal.compile;

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
 * compilation of them all lists them: Drools keeps a builder's packages in a concurrent hash map by name, and the
 * order a KieBase is given its packages in is the order its network is built in. The same names put in the same
 * order into the same kind of map come out in the same order (RulesOnTopOfBuiltInPacksTest compares them).
 */
final class WholeOrder {
    private WholeOrder() {
    }

    /**
     * @param builtIn  the packs' packages, as their own compilation listed them
     * @param user     the user's packages, as theirs listed them
     * @return all of them in the order of one compilation; empty when both sides have rules or functions in a
     *         package of the same name (then they must be compiled together)
     */
    static Optional<List<KiePackage>> merge(Collection<KiePackage> builtIn, Collection<KiePackage> user) {
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
