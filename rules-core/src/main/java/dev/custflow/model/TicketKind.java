package dev.custflow.model;

/** What a service ticket is about ({@code TicketOpened.kind}). */
public enum TicketKind {
    COMPLAINT, REPAIR, INQUIRY, RETURN, EXCHANGE;

    /** @return true for returns and exchanges, which the churn rules count together */
    public boolean isReturnOrExchange() {
        return this == RETURN || this == EXCHANGE;
    }
}
