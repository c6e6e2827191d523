package dev.custflow.rules;

/**
 * A fact the engine puts beside a lead when it may be given a rep (docs/design/rules-catalog.md §4): when the lead is
 * captured, or, for a lead that found every rep away or full, when capacity frees up. The {@code assignment}
 * pack answers with {@code actions.assignLead}. The engine hands leads out one at a time, in stream order, so
 * the reps' load and the round-robin turns are the same whatever the number of partitions.
 *
 * @param waiting true for a lead that waited for capacity, false at capture
 */
public record AssignmentDue(boolean waiting) {
}
