package dev.custflow.model;

import java.time.Instant;

/** A service ticket not yet resolved. */
public final class OpenTicket {
    private final String ticketId;
    private final TicketKind kind;
    private final long openedAt;
    private final String severity;

    /**
     * @param ticketId the ticket id
     * @param kind     what the ticket is about
     * @param openedAt when it was opened, epoch millis
     * @param severity the host's severity, or null
     */
    public OpenTicket(String ticketId, TicketKind kind, long openedAt, String severity) {
        this.ticketId = ticketId;
        this.kind = kind;
        this.openedAt = openedAt;
        this.severity = severity;
    }

    /** @return the ticket id */
    public String getTicketId() {
        return ticketId;
    }

    /** @return what the ticket is about */
    public TicketKind getKind() {
        return kind;
    }

    /** @return when it was opened */
    public Instant getOpenedAt() {
        return Instant.ofEpochMilli(openedAt);
    }

    /** @return the host's severity, or null */
    public String getSeverity() {
        return severity;
    }
}
