package dev.custflow.internal.runtime;

import dev.custflow.internal.packs.Router;
import dev.custflow.internal.profile.CustomerRecord;
import java.util.HashSet;
import java.util.Set;

/**
 * A {@code CustomerErased} (docs/personal-data.md): the person's record leaves its partition (its due time, held
 * messages and warnings with it; the next commit deletes its snapshot), every pack forgets the ids that led to it
 * (the de-duplication index its phone numbers, e-mail addresses and company keys, the desk its load and deadlines),
 * the router the orders and tickets it placed, and the in-memory audit trail its entries. It runs with every partition
 * up to date, on the engine's thread, at its place in the stream: what follows it never sees the person, whatever the
 * number of partitions or the batch cuts.
 */
final class Erasure {
    /** Null in pack tests without an engine around them. */
    private final Router router;
    private final AuditTrail audit;

    Erasure(Router router, AuditTrail audit) {
        this.router = router;
        this.audit = audit;
    }

    /** @param id the record to erase (resolved: a merged id's survivor) */
    void erase(String id, PackContext ctx) {
        CustomerRecord record = ctx.partitionFor(id).remove(id);
        Set<String> ids = new HashSet<>(ctx.packs().aliases(id));
        ids.add(id);
        ctx.packs().erasing(ids, record);
        if (router != null) {
            router.forget(ids);
        }
        if (audit != null) {
            audit.forget(ids);
        }
    }
}
