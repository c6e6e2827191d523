package dev.custflow.model;

import java.time.Instant;

/**
 * One step of an order's status timeline: the status it reached and when.
 *
 * @param status the status reached
 * @param at     when
 */
public record OrderStep(OrderStatus status, Instant at) {
}
