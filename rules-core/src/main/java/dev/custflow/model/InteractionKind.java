package dev.custflow.model;

/** What kind of contact an {@code InteractionLogged} event records. */
public enum InteractionKind {
    CALL, VISIT, MEETING, EMAIL_SENT, EMAIL_OPENED, EMAIL_CLICKED, PAGE_VIEW, FORM_SUBMITTED,
    EVENT_ATTENDED, CHAT;

    /** @return true if this is a rep reaching the customer (counts as "a rep has engaged" and as first response) */
    public boolean isRepContact() {
        return this == CALL || this == VISIT || this == MEETING || this == CHAT || this == EMAIL_SENT;
    }

    /** @return true if this is the customer's own engagement (behaviour that scoring counts) */
    public boolean isBehaviour() {
        return this == EMAIL_OPENED || this == EMAIL_CLICKED || this == PAGE_VIEW
                || this == FORM_SUBMITTED || this == EVENT_ATTENDED;
    }
}
