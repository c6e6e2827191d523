package dev.custflow;

import static dev.custflow.testdata.Events.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.action.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How rules react within one evaluation: a rule that reacts to an event acts once for it. */
class RuleReactionTest {

    @Test
    void aRuleReactingToAnEvent_actsOnce_evenWhenAnotherRuleChangesTheCustomer() {
        RuleSource rules = RuleSource.drl("reactions.drl", """
                package test.reactions
                import dev.custflow.model.*
                import dev.custflow.event.*
                global dev.custflow.rules.Actions actions
                // changes the customer: every rule matching the customer is looked at again
                rule "test: orders are tagged"
                when
                    $c : Customer( !hasTag("buyer") )
                    OrderPlaced( )
                then
                    actions.addTag($c, "buyer", "placed an order");
                end
                // no guard of its own: it matches again after the tag
                rule "test: an order is thanked"
                when
                    $c : Customer( )
                    OrderPlaced( $o : orderId )
                then
                    actions.addTag($c, "thanked-" + $o, "thanks for " + $o);
                    actions.createTask($c, dev.custflow.action.TaskKind.CARE_CALL, null, "thank for " + $o);
                end
                """);
        try (Engine e = Custflow.builder().packs().rules(rules).build()) {
            List<Action> actions = e.accept(order("o1", "C1", "2024-01-01", 100));
            assertThat(actions).extracting(a -> a.type() + " " + a.reason()).containsExactlyInAnyOrder(
                    "TAG_ADDED placed an order", "TAG_ADDED thanks for o1", "TASK_CREATED thank for o1");
        }
    }
}
