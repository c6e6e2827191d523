package dev.custflow.event;

import dev.custflow.model.InteractionKind;
import java.time.Instant;

/**
 * A contact between the company and the customer: a rep's call, visit or meeting, or the
 * customer's own engagement (e-mail opened, page viewed, form submitted...).
 *
 * @param id              event id
 * @param at              when
 * @param customerId      the customer
 * @param kind            what kind of contact
 * @param repId           the rep involved, if any
 * @param count           how many (e.g. page views in a session); default 1
 * @param durationSeconds how long (time on site, call length)
 * @param note            free text
 */
public record InteractionLogged(String id, Instant at, String customerId, InteractionKind kind, String repId,
                                Integer count, Integer durationSeconds, String note) implements Event {

    /** Validates the contract: customerId and kind are required; count is positive, duration not negative. */
    public InteractionLogged {
        Check.envelope("InteractionLogged", id, at);
        Check.id("InteractionLogged", "customerId", customerId);
        Check.optionalId("InteractionLogged", "repId", repId);
        Check.required("InteractionLogged", "kind", kind);
        Check.positive("InteractionLogged", "count", count);
        Check.notNegative("InteractionLogged", "durationSeconds", durationSeconds);
    }

    /**
     * @param id         event id
     * @param at         when
     * @param customerId the customer
     * @param kind       the kind of contact
     * @param repId      the rep, or null
     * @return the event with no count, duration or note
     */
    public static InteractionLogged of(String id, Instant at, String customerId, InteractionKind kind, String repId) {
        return new InteractionLogged(id, at, customerId, kind, repId, null, null, null);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
