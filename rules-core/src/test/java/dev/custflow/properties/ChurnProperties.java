package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.action.Action;
import dev.custflow.action.ChurnCleared;
import dev.custflow.action.ChurnWarning;
import dev.custflow.event.CustomerErased;
import dev.custflow.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Churn warnings are never duplicated per customer and cause, whatever the stream. An erased customer's warnings go
 * with the profile: a customer of the same id later starts without any.
 */
class ChurnProperties {

    @Provide
    Arbitrary<List<Event>> streams() {
        return EngineArbitraries.streams(150);
    }

    @Property(tries = 60)
    void warningsAndClearsAlternatePerCustomerAndCause(@ForAll("streams") List<Event> events) {
        Map<String, Boolean> open = new HashMap<>();
        try (Engine e = Custflow.builder().build()) {
            int from = 0;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) instanceof CustomerErased || i == events.size() - 1) {
                    check(e.acceptAll(events.subList(from, i + 1)).actions(), open);
                    from = i + 1;
                    // the erased record (the one an id merged into it leads to) has no open warning any more
                    open.keySet().removeIf(key -> e.customer(key.substring(0, key.indexOf('/'))).isEmpty());
                }
            }
        }
    }

    private static void check(List<Action> actions, Map<String, Boolean> open) {
        for (Action a : actions) {
            if (a instanceof ChurnWarning w) {
                assertThat(open.put(w.customerId() + "/" + w.cause(), true)).as("second warning: %s", w).isNotEqualTo(true);
            } else if (a instanceof ChurnCleared c) {
                assertThat(open.put(c.customerId() + "/" + c.cause(), false)).as("clear without warning: %s", c)
                        .isTrue();
            }
        }
    }
}
