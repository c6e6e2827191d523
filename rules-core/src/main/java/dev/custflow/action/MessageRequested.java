package dev.custflow.action;

import dev.custflow.model.Channel;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The host should send the customer a message. JSON type {@code MESSAGE_REQUESTED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param customerId the customer
 * @param channel EMAIL, SMS, WECHAT or CALL
 * @param template what message
 * @param params template parameters
 */
public record MessageRequested(String id, Instant at, String rule, String reason, String customerId, Channel channel, Template template, Map<String, String> params) implements Action {

    /** Copies the parameters, sorted by name, so the action is immutable and prints the same every time. */
    public MessageRequested {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
    }

    @Override
    public String type() {
        return "MESSAGE_REQUESTED";
    }
}
