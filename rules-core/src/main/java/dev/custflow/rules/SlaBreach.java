package dev.custflow.rules;

import java.time.Instant;

/**
 * A fact the engine puts beside an assigned lead whose first-response time ran out (docs/design/rules-catalog.md §4): no
 * call, meeting, chat or visit ({@code settings.assignment.responseKinds}) since it was assigned. The first
 * breach comes {@code firstResponseMinutes} working minutes after the assignment (counted from the rep's next
 * opening when the lead came out of hours), the second {@code reassignAfterMinutes} working minutes later. The {@code assignment} pack escalates the first and reassigns on the second.
 *
 * @param repId         the rep who has not responded
 * @param team          the rep's team, or null
 * @param assignedAt    when the lead was assigned to the rep
 * @param minutesWaited working minutes since then (on the rep's calendar), without a response
 * @param second        true for the second breach
 */
public record SlaBreach(String repId, String team, Instant assignedAt, long minutesWaited, boolean second) {
}
