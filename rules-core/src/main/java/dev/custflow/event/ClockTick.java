package dev.custflow.event;

import java.time.Instant;

/**
 * Time passed with nothing else happening: moves the engine's clock to {@code at} so that time
 * rules (no order for 90 days, birthdays, renewals) fire on the day they fall due.
 *
 * @param id event id
 * @param at the new time
 */
public record ClockTick(String id, Instant at) implements Event {

    /** Validates the contract: id and at are required. */
    public ClockTick {
        Check.envelope("ClockTick", id, at);
    }

    @Override
    public String subjectId() {
        return null;
    }
}
