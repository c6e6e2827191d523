package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.action.Action;
import dev.custflow.action.ChurnCleared;
import dev.custflow.action.ChurnWarning;
import dev.custflow.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Churn warnings are never duplicated per customer and cause, whatever the stream. */
class ChurnProperties {

    @Provide
    Arbitrary<List<Event>> streams() {
        return EngineArbitraries.streams(150);
    }

    @Property(tries = 60)
    void warningsAndClearsAlternatePerCustomerAndCause(@ForAll("streams") List<Event> events) {
        List<Action> actions = new ArrayList<>();
        try (Engine e = Custflow.builder().actionSink(actions::addAll).build()) {
            e.acceptAll(events);
        }
        Map<String, Boolean> open = new HashMap<>();
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
