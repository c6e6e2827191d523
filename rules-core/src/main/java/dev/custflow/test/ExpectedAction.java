package dev.custflow.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custflow.Json;
import dev.custflow.action.Action;
import java.util.LinkedHashMap;
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
        if (!type.equals(action.type())) {
            return false;
        }
        JsonNode json = Json.mapper().valueToTree(action);
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            JsonNode actual = json;
            for (String part : f.getKey().split("\\.")) {
                actual = actual == null ? null : actual.get(part);
            }
            Object want = f.getValue();
            if (want == null) {
                if (actual != null && !actual.isNull()) {
                    return false;
                }
            } else if (want instanceof java.util.Collection<?> || want instanceof Map<?, ?>) {
                if (actual == null || !actual.equals(Json.mapper().valueToTree(want))) {
                    return false;
                }
            } else if (actual == null || !text(actual).equals(String.valueOf(want))) {
                return false;
            }
        }
        return true;
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
