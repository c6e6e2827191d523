package dev.custflow.action;

import dev.custflow.model.LossReason;
import java.time.Instant;

/**
 * A lead was closed as lost (a {@code LeadLost} event): it is in stage LOST and no longer counts toward its rep's
 * load. JSON type {@code LEAD_CLOSED}.
 *
 * @param id         stable action id
 * @param at         when the engine decided it
 * @param rule       the rule that decided it
 * @param reason     why, in words a sales manager understands
 * @param customerId the lead
 * @param repId      the rep who had it, or null when it never had one
 * @param cause      the host's reason code
 * @param note       the host's note, phone numbers and e-mail addresses masked; null when none was given
 */
public record LeadClosed(String id, Instant at, String rule, String reason, String customerId, String repId,
                         LossReason cause, String note) implements Action {

    @Override
    public String type() {
        return "LEAD_CLOSED";
    }
}
