package dev.custflow.event;

import java.time.Instant;

/**
 * A person gave a customer or lead to a rep: a sales manager hands a lead to a colleague, a rep leaves and their
 * accounts move. The engine moves the lead before its rules run (LEAD_REASSIGNED, or LEAD_ASSIGNED when it had no rep,
 * naming who decided), moves the load from one rep to the other, and gives the new rep the first-response time when
 * nobody had answered the lead yet. The automatic reassignment after missed responses then leaves the lead where the
 * person put it (the escalation to the team lead still comes).
 *
 * @param id         event id
 * @param at         when
 * @param customerId the customer (or lead)
 * @param repId      the rep who has it from now on
 * @param by         who decided: the host's id of the user, e.g. {@code m-li}
 * @param reason     why, in the person's words, optional; shown with personal data masked
 */
public record OwnerSet(String id, Instant at, String customerId, String repId, String by, String reason)
        implements Event {

    /** Validates the contract: customerId, repId and by are required. */
    public OwnerSet {
        Check.envelope("OwnerSet", id, at);
        Check.id("OwnerSet", "customerId", customerId);
        Check.id("OwnerSet", "repId", repId);
        Check.id("OwnerSet", "by", by);
        reason = Check.reason("OwnerSet", "reason", reason);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
