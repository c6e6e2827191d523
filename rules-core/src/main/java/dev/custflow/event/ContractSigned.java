package dev.custflow.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A contract was signed (or renewed: the same contract id with a new expiry replaces the old one).
 *
 * @param id         event id
 * @param at         when
 * @param customerId the customer
 * @param contractId the contract
 * @param expiresOn  the last day of the contract
 * @param amount     contract value
 */
public record ContractSigned(String id, Instant at, String customerId, String contractId, LocalDate expiresOn,
                             BigDecimal amount) implements Event {

    /** Validates the contract: customerId, contractId and expiresOn are required. */
    public ContractSigned {
        Check.envelope("ContractSigned", id, at);
        Check.date("ContractSigned", "expiresOn", expiresOn, false);
        Check.id("ContractSigned", "customerId", customerId);
        Check.id("ContractSigned", "contractId", contractId);
        Check.required("ContractSigned", "expiresOn", expiresOn);
        Check.amount("ContractSigned", "amount", amount, null);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
