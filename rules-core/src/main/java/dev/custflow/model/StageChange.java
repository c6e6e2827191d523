package dev.custflow.model;

import java.time.Instant;

/**
 * One entry of a customer's stage history.
 *
 * @param from the stage before, or null when the profile entered its first stage
 * @param to   the stage after
 * @param at   when
 * @param rule the rule that moved it
 */
public record StageChange(Stage from, Stage to, Instant at, String rule) {
}
