/**
 * Custflow: customer-lifecycle rules for an ERP. Start with {@link dev.custflow.Custflow#builder()};
 * events go in ({@link dev.custflow.event}), actions come out ({@link dev.custflow.action}), rules
 * reason over the fact model ({@link dev.custflow.model}) with settings
 * ({@link dev.custflow.settings}). Everything under {@code dev.custflow.internal} is not API.
 */
package dev.custflow;
