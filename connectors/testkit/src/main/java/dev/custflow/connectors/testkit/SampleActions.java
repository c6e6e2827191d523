package dev.custflow.connectors.testkit;

import dev.custflow.action.Action;
import dev.custflow.action.ChurnWarning;
import dev.custflow.model.Level;
import dev.custflow.action.StageChanged;
import dev.custflow.action.TagAdded;
import dev.custflow.action.TaskCreated;
import dev.custflow.action.TaskKind;
import dev.custflow.model.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Actions for connector tests: of several types, with Chinese text, numbered per customer so that a test can tell
 * the order a receiver saw them in. The {@code n}-th action of a customer has the id {@code customerId + "#" + n}.
 */
public final class SampleActions {
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    private SampleActions() {
    }

    /**
     * @param customerId the customer
     * @param n          its sequence number (0, 1, 2...)
     * @return the customer's {@code n}-th action; the same arguments give an equal action
     */
    public static Action action(String customerId, int n) {
        Objects.requireNonNull(customerId, "customerId");
        String id = customerId + "#" + n;
        Instant at = T0.plusSeconds(60L * n);
        return switch (n % 4) {
            case 0 -> new TagAdded(id, at, "segments: a tag for the test", "第" + n + "次 tag", customerId, "tag-" + n,
                    null);
            case 1 -> new StageChanged(id, at, "lifecycle: test stage", "placed order " + n, customerId, Stage.LEAD,
                    Stage.CUSTOMER);
            case 2 -> new ChurnWarning(id, at, "churn: test warning", "两个月未下单 (" + n + ")", customerId,
                    "NO_ORDER_60_DAYS", Level.HIGH);
            default -> new TaskCreated(id, at, "reminders: test task", "follow up " + n, customerId, "rep-1",
                    TaskKind.FOLLOW_UP, at.plusSeconds(86_400));
        };
    }

    /**
     * @param customerId the customer
     * @param from       the first sequence number
     * @param count      how many
     * @return the customer's actions {@code from} to {@code from + count - 1}, in order
     */
    public static List<Action> actions(String customerId, int from, int count) {
        List<Action> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(action(customerId, i));
        }
        return out;
    }

    /**
     * @param action an action made by {@link #action}
     * @return its sequence number for its customer
     * @throws IllegalArgumentException if the id is not of that form
     */
    public static int sequenceOf(Action action) {
        String id = action.id();
        int hash = id.lastIndexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("The action id (" + id + ") is not a SampleActions id (customer#n).");
        }
        return Integer.parseInt(id.substring(hash + 1));
    }

    /**
     * Counts order inversions as a receiver that drops repeats by id sees them: an action whose id was not seen
     * before but whose sequence number is lower than one already seen for the same customer.
     *
     * @param received what a receiver got, repeats included, in arrival order
     * @return how many first arrivals came after a later action of their customer
     */
    public static int orderInversions(List<Action> received) {
        Map<String, Integer> highest = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int inversions = 0;
        for (Action a : received) {
            if (!seen.add(a.id())) {
                continue;
            }
            int n = sequenceOf(a);
            Integer max = highest.get(a.customerId());
            if (max != null && n < max) {
                inversions++;
            } else {
                highest.put(a.customerId(), n);
            }
        }
        return inversions;
    }

    /**
     * @param received actions, repeats included
     * @return the first arrival of each id, in arrival order: what a receiver that drops repeats keeps
     */
    public static List<Action> withoutRepeats(List<Action> received) {
        Set<String> seen = new HashSet<>();
        List<Action> out = new ArrayList<>();
        for (Action a : received) {
            if (seen.add(a.id())) {
                out.add(a);
            }
        }
        return out;
    }
}
