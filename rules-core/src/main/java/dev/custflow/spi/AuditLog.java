package dev.custflow.spi;

/**
 * Receives every line of the audit trail (emitted, duplicate, suppressed and deferred actions,
 * each with its rule and reason). The engine always keeps a bounded in-memory trail; an
 * {@code AuditLog} lets the host keep all of it (a file, a table).
 *
 * <p>Version 1 of this SPI.
 */
@FunctionalInterface
public interface AuditLog {

    /** @param entry one line of the trail */
    void record(AuditEntry entry);
}
