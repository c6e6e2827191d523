package dev.custflow.internal.runtime;

import dev.custflow.spi.AuditEntry;
import java.util.ArrayList;
import java.util.List;

/** The engine's bounded in-memory audit trail: the latest entries, oldest dropped first. */
public final class AuditTrail {
    private final AuditEntry[] ring;
    private int next;
    private int size;

    AuditTrail(int capacity) {
        this.ring = new AuditEntry[Math.max(1, capacity)];
    }

    void add(AuditEntry e) {
        ring[next] = e;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    List<AuditEntry> latest(int limit) {
        int n = Math.min(limit, size);
        List<AuditEntry> out = new ArrayList<>(n);
        for (int i = n; i > 0; i--) {
            out.add(ring[(next - i + ring.length) % ring.length]);
        }
        return out;
    }

    /** Drops the entries of erased customers, keeping the others in their order. */
    void forget(java.util.Set<String> customerIds) {
        List<AuditEntry> kept = latest(size);
        kept.removeIf(e -> customerIds.contains(e.customerId()));
        java.util.Arrays.fill(ring, null);
        next = 0;
        size = 0;
        kept.forEach(this::add);
    }

    List<AuditEntry> forCustomer(String customerId) {
        List<AuditEntry> out = new ArrayList<>();
        for (AuditEntry e : latest(size)) {
            if (customerId.equals(e.customerId())) {
                out.add(e);
            }
        }
        return out;
    }
}
