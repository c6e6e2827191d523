package dev.custflow.action;

import java.time.Instant;

/**
 * Finance should issue an invoice for an approved order. JSON type {@code INVOICE_REQUESTED}.
 *
 * @param id         stable action id
 * @param at         when the engine decided it
 * @param rule       the rule that decided it
 * @param reason     why
 * @param orderId    the order
 * @param customerId the customer
 */
public record InvoiceRequested(String id, Instant at, String rule, String reason, String orderId, String customerId)
        implements Action {

    @Override
    public String type() {
        return "INVOICE_REQUESTED";
    }
}
