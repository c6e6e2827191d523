package dev.custflow.event;

import java.time.Instant;

/**
 * A service ticket was resolved.
 *
 * @param id           event id
 * @param at           when
 * @param ticketId     the ticket
 * @param firstContact resolved at the first contact
 * @param customerId   the customer, optional (found from the ticket otherwise)
 */
public record TicketResolved(String id, Instant at, String ticketId, Boolean firstContact, String customerId)
        implements Event {

    /** Validates the contract: ticketId is required. */
    public TicketResolved {
        Check.envelope("TicketResolved", id, at);
        Check.id("TicketResolved", "ticketId", ticketId);
        Check.optionalId("TicketResolved", "customerId", customerId);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
