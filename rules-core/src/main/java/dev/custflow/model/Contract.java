package dev.custflow.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A signed contract; a renewal under the same id replaces it.
 *
 * @param contractId the contract
 * @param expiresOn  its last day
 * @param amount     its value, or null
 */
public record Contract(String contractId, LocalDate expiresOn, BigDecimal amount) {
}
