package dev.custflow.internal.compile;

import dev.custflow.RuleMessage;
import java.util.List;
import org.kie.api.KieBase;

/**
 * A compiled rule set: the shared, thread-safe KieBase every partition opens a session from, the
 * names of its rules and the warnings the compiler gave.
 *
 * @param kieBase   the compiled rules
 * @param ruleNames every rule name, sorted
 * @param warnings  compiler warnings (the rule set loaded)
 * @param hash      content hash of the sources (the cache key)
 */
public record CompiledRules(KieBase kieBase, List<String> ruleNames, List<RuleMessage> warnings, String hash) {
}
