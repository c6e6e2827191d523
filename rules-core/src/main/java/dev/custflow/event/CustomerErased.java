package dev.custflow.event;

import java.time.Instant;

/**
 * The customer asked to be forgotten (a right-to-erasure request, 个人信息删除): the engine removes the profile and
 * everything it keeps about the person, from memory and from the store at the next commit (docs/personal-data.md).
 * An id merged into another record (a duplicate lead) names the same person: the record it leads to is erased, with
 * every id merged into it. An id the engine does not know changes nothing. Actions already emitted are the host's:
 * the engine does not recall them. A later event for the id starts a new profile.
 *
 * @param id         event id
 * @param at         when
 * @param customerId the customer (or lead) to forget
 */
public record CustomerErased(String id, Instant at, String customerId) implements Event {

    /** Validates the contract: customerId is required. */
    public CustomerErased {
        Check.envelope("CustomerErased", id, at);
        Check.id("CustomerErased", "customerId", customerId);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
