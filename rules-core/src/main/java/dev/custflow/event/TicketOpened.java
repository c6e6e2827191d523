package dev.custflow.event;

import dev.custflow.model.TicketKind;
import java.time.Instant;

/**
 * A service ticket was opened: a complaint, a repair, an inquiry, a return or an exchange.
 *
 * @param id         event id
 * @param at         when
 * @param ticketId   the ticket
 * @param customerId the customer
 * @param kind       what it is about
 * @param severity   host-defined severity (e.g. LOW, HIGH)
 */
public record TicketOpened(String id, Instant at, String ticketId, String customerId, TicketKind kind,
                           String severity) implements Event {

    /** Validates the contract: ticketId, customerId and kind are required. */
    public TicketOpened {
        Check.envelope("TicketOpened", id, at);
        Check.id("TicketOpened", "ticketId", ticketId);
        Check.id("TicketOpened", "customerId", customerId);
        Check.required("TicketOpened", "kind", kind);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
