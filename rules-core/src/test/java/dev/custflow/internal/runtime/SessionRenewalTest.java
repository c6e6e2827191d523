package dev.custflow.internal.runtime;


import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RuleSource;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.RepUpdated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A partition renews its Drools session now and then (see Partition): rules, globals and reps carry over. */
class SessionRenewalTest {
    private static final RuleSource REP_RULE = RuleSource.drl("reps.drl", """
            package test.reps
            import dev.custflow.model.*
            global dev.custflow.rules.Actions actions
            rule "test: customers hear of the east team's rep"
            when
                Rep( team == "EAST", $name : name )
                $c : Customer( hasOrdered, !hasTag("met-east") )
            then
                actions.addTag($c, "met-east", "rep " + $name + " is in the east team");
            end
            """);

    @Test
    void afterMoreEvaluationsThanASessionServes_theRepsAndRulesAreStillThere() {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        List<Event> events = new ArrayList<>();
        events.add(new RepUpdated("rep", t0, "r1", "Zhang", "EAST", null, null, null, 10, true));
        int customers = Partition.RENEW_SESSION_AFTER + 10;
        for (int i = 0; i < customers; i++) {
            events.add(OrderPlaced.of("o" + i, t0.plusSeconds(i + 1), "O" + i, "C" + i, BigDecimal.ONE));
        }
        List<Action> actions = new ArrayList<>();
        try (Engine e = Custflow.builder().packs().rules(REP_RULE).actionSink(actions::addAll).build()) {
            e.acceptAll(events);
        }
        assertThat(actions).hasSize(customers).allMatch(a -> a.type().equals("TAG_ADDED"));
        assertThat(actions.get(customers - 1).customerId()).isEqualTo("C" + (customers - 1));
        assertThat(actions.get(customers - 1).reason()).isEqualTo("rep Zhang is in the east team");
    }
}
