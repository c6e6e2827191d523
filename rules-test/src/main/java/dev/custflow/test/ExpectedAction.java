package dev.custflow.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custflow.Json;
import dev.custflow.action.Action;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An action a scenario expects: its JSON {@code type} and the fields that matter (compared as
 * JSON text, so {@code "level", "HIGH"} and {@code "daysLate", 3} both work). Fields left out are
 * not compared.
 */
public final class ExpectedAction {
    private final String type;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private ExpectedAction(String type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * @param type the action's JSON type, e.g. {@code CHURN_WARNING}
     * @return an expectation matching any action of that type
     */
    public static ExpectedAction of(String type) {
        return new ExpectedAction(type);
    }

    /**
     * @param customerId the customer
     * @param from       the stage before (null for a first stage)
     * @param to         the stage after
     * @return an expected STAGE_CHANGED
     */
    public static ExpectedAction stageChanged(String customerId, Object from, Object to) {
        return of("STAGE_CHANGED").with("customerId", customerId).with("from", from).with("to", to);
    }

    /**
     * @param customerId the lead
     * @param cause      the cause, e.g. {@code NO_CONTACT}
     * @return an expected LEAD_DISQUALIFIED
     */
    public static ExpectedAction leadDisqualified(String customerId, String cause) {
        return of("LEAD_DISQUALIFIED").with("customerId", customerId).with("cause", cause);
    }

    /**
     * @param field a field of the action's JSON, e.g. {@code level}, or a path {@code params.coupon}
     * @param value the value it must have (null: must be absent)
     * @return this
     */
    public ExpectedAction with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    /** @return the expected type */
    public String type() {
        return type;
    }

    /**
     * @param action an action
     * @return true if it has this type and every field given
     */
    public boolean matches(Action action) {
        return type.equals(action.type()) && differences(action).isEmpty();
    }

    /**
     * The fields of {@code action} that differ from this expectation, for a readable diff.
     *
     * @param action an action (of any type; the type itself is not compared here)
     * @return one line per field that differs, e.g. {@code level: expected HIGH, was MEDIUM}
     */
    List<String> differences(Action action) {
        return differences(action, ScenarioResult.wording(java.util.Locale.ENGLISH));
    }

    /** @return the differing fields in the reader's language */
    List<String> differences(Action action, dev.custflow.text.Wording w) {
        JsonNode json = Json.mapper().valueToTree(action);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            JsonNode actual = json;
            for (String part : f.getKey().split("\\.")) {
                actual = actual == null ? null : actual.get(part);
            }
            Object want = f.getValue();
            boolean absent = actual == null || actual.isNull();
            boolean same;
            if (want == null) {
                same = absent;
            } else if (absent) {
                same = false;
            } else if (want instanceof java.util.Collection<?> || want instanceof Map<?, ?>) {
                same = actual.equals(Json.mapper().valueToTree(want));
            } else if (want instanceof Number n && actual.isNumber()) {
                // 300 and 300.00 are the same amount
                same = new BigDecimal(n.toString()).compareTo(actual.decimalValue()) == 0;
            } else {
                same = text(actual).equals(String.valueOf(want));
            }
            if (!same) {
                out.add(w.text("difference", f.getKey(), want == null ? w.text("absent") : describe(want),
                        absent ? w.text("absent") : text(actual)));
            }
        }
        return out;
    }

    /** @return the fields compared, by name or path, with their expected values (null: must be absent) */
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    private static String describe(Object want) {
        return want instanceof java.util.Collection<?> || want instanceof Map<?, ?>
                ? Json.mapper().valueToTree(want).toString() : String.valueOf(want);
    }

    private static String text(JsonNode n) {
        return n.isValueNode() ? n.asText() : n.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(type);
        if (!fields.isEmpty()) {
            sb.append(' ').append(fields);
        }
        return sb.toString();
    }
}
