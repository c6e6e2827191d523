package dev.custflow.action;

/** What a rep's task is for. */
public enum TaskKind {
    FOLLOW_UP, BIRTHDAY, RENEWAL, REVISIT, ONBOARDING, CARE_CALL, APPROVAL, TICKET_TIMEOUT, ESCALATION
}
