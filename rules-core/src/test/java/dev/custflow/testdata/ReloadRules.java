package dev.custflow.testdata;

import dev.custflow.RuleSource;

/**
 * User rules for hot-reload tests: a marker rule that emits one task per order and changes nothing else (it fires
 * last, so the other rules' actions keep their order), in variants that differ only in name or in a comment, and
 * a rule that does not compile.
 */
public final class ReloadRules {
    /** The task kind only the marker rules use. */
    public static final String MARKER_KIND = "APPROVAL";

    private ReloadRules() {
    }

    /**
     * @param version names the rule ({@code "marker: v<version> notes every order"}) and its file
     * @return a rule that creates an APPROVAL task for every order event, with the event id as reason
     */
    public static RuleSource marker(int version) {
        return RuleSource.drl("marker-v" + version + ".drl", """
                package test.marker

                import dev.custflow.model.*
                import dev.custflow.event.OrderPlaced

                global dev.custflow.rules.Actions actions

                // A visible trace of which rule set evaluated an order (hot-reload tests).
                rule "marker: v%d notes every order"
                salience -1000
                when
                    $c : Customer()
                    $o : OrderPlaced()
                then
                    actions.createTask($c, dev.custflow.action.TaskKind.APPROVAL, null, $o.id());
                end
                """.formatted(version));
    }

    /**
     * @param drl DRL text
     * @return the same rules with a comment added at the end: another content hash, the same behaviour
     */
    public static RuleSource withComment(RuleSource drl, String comment) {
        return RuleSource.drl(drl.name(), drl.text() + "// " + comment + "\n");
    }

    /** @return a rule file with an unknown property on line 8 */
    public static RuleSource broken() {
        return RuleSource.drl("broken.drl", """
                package test.broken

                import dev.custflow.model.*

                global dev.custflow.rules.Actions actions

                rule "broken: misspelt property"
                when $c : Customer( stagee == Stage.LEAD )
                then
                    actions.addTag($c, "x", "never");
                end
                """);
    }
}
