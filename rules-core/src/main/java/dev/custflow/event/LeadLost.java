package dev.custflow.event;

import dev.custflow.model.LossReason;
import dev.custflow.text.PersonalData;
import java.time.Instant;

/**
 * The sales team gave up on a lead (线索战败): it moves to LOST, stops counting toward its rep's load, and the
 * lifecycle pack says so in LEAD_CLOSED with the reason. A lead that is no longer open (a customer, disqualified,
 * lost already) is left as it is. A new capture of the same person makes it a LEAD again; an order or a won
 * opportunity makes it a CUSTOMER.
 *
 * @param id         event id
 * @param at         when
 * @param customerId the lead
 * @param reason     why, from a fixed set: NO_BUDGET, CHOSE_COMPETITOR, UNREACHABLE, NO_NEED, OTHER
 * @param note       the rep's words, optional; phone numbers and e-mail addresses in it are masked in what the
 *                   engine writes
 */
public record LeadLost(String id, Instant at, String customerId, LossReason reason, String note) implements Event {

    /** Validates the contract: customerId and reason are required; a note, when given, is not blank. */
    public LeadLost {
        Check.envelope("LeadLost", id, at);
        Check.id("LeadLost", "customerId", customerId);
        Check.required("LeadLost", "reason", reason);
        if (note != null) {
            Check.text("LeadLost", "note", note);
            note = note.strip();
        }
    }

    @Override
    public String subjectId() {
        return customerId;
    }

    /** @return the event with phone numbers and e-mail addresses in the note masked (it is free text) */
    @Override
    public String toString() {
        return "LeadLost[id=" + id + ", at=" + at + ", customerId=" + customerId + ", reason=" + reason + ", note="
                + PersonalData.scrub(note) + "]";
    }
}
