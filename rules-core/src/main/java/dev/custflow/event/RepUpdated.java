package dev.custflow.event;

import dev.custflow.text.PersonalData;
import java.time.Instant;
import java.util.List;

/**
 * A sales rep joined or changed: team, region, industries, seniority, capacity, availability.
 * Fields left out keep their previous value.
 *
 * @param id         event id
 * @param at         when
 * @param repId      the rep
 * @param name       name
 * @param team       team (e.g. KEY_ACCOUNTS)
 * @param region     region the rep covers
 * @param industries industries the rep covers
 * @param senior     senior rep (takes high-value leads)
 * @param capacity   open leads the rep can hold
 * @param available  false while on leave
 */
public record RepUpdated(String id, Instant at, String repId, String name, String team, String region,
                         List<String> industries, Boolean senior, Integer capacity, Boolean available)
        implements Event {

    /** Validates the contract: repId is required; capacity is not negative. */
    public RepUpdated {
        Check.envelope("RepUpdated", id, at);
        Check.id("RepUpdated", "repId", repId);
        Check.notNegative("RepUpdated", "capacity", capacity);
        industries = industries == null ? null : List.copyOf(industries);
    }

    @Override
    public String subjectId() {
        return null;
    }

    /** @return the record with the rep's name masked: a record's own toString would print it raw */
    @Override
    public String toString() {
        return PersonalData.toString(this);
    }
}
