package dev.custflow.action;

import java.time.Instant;

/**
 * A customer moved to another RFM segment. JSON type {@code SEGMENT_CHANGED}.
 *
 * @param id     stable action id
 * @param at     when the engine decided it
 * @param rule   the rule that decided it
 * @param reason why, in words a sales manager understands
 * @param customerId the customer
 * @param segment the new segment
 * @param rfm the RFM scores behind it
 */
public record SegmentChanged(String id, Instant at, String rule, String reason, String customerId, String segment, Rfm rfm) implements Action {

    @Override
    public String type() {
        return "SEGMENT_CHANGED";
    }
}
