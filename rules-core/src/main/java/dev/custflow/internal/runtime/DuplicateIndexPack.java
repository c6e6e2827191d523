package dev.custflow.internal.runtime;

import dev.custflow.internal.profile.CustomerRecord;

import dev.custflow.event.LeadCaptured;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.internal.packs.DuplicateIndex;
import dev.custflow.model.Customer;
import dev.custflow.rules.DuplicateLead;
import dev.custflow.settings.IntakeSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leads pack's de-duplication: every lead's and profile's contact keys in one index, and the merge of a new lead
 * with the records it shows to be the same person. A captured lead that matches runs alone with every partition up
 * to date: it is merged into the earliest record, and its evaluation sees a {@link DuplicateLead} fact per record
 * merged.
 */
final class DuplicateIndexPack implements CrossCustomerPack {
    private final DuplicateIndex index;
    /** The keys of the lead at hand, and the other records having one of them (set by {@link #captures}). */
    private List<DuplicateIndex.Key> keys;
    private Map<String, List<DuplicateIndex.Key>> found;

    DuplicateIndexPack(IntakeSettings intake) {
        this.index = new DuplicateIndex(intake.contactData(), intake.matchOn());
    }

    /** @return the index (for the engine state) */
    DuplicateIndex index() {
        return index;
    }

    @Override
    public String resolve(String customerId) {
        return index.resolve(customerId); // a merged lead is its survivor now
    }

    @Override
    public boolean captures(Step step) {
        if (step.event() instanceof LeadCaptured lead) {
            keys = index.keys(lead.profile());
            found = index.matches(step.customerId(), keys);
            return !found.isEmpty();
        }
        keys = null;
        found = null;
        return false;
    }

    @Override
    public boolean onEvent(Step step) {
        if (step.event() instanceof LeadCaptured) {
            index.claim(step.customerId(), keys); // nothing to merge: it runs with the rest
        } else if (step.event() instanceof ProfileUpdated update) {
            index.claim(step.customerId(), index.keys(update.profile()));
        }
        return false;
    }

    /**
     * Merges the captured lead (and the records {@link #found} by its keys, which it shows to be the same person)
     * into the earliest record, and routes the capture there.
     */
    @Override
    public Step onCapture(Step step, List<Object> facts, PackContext ctx) {
        if (!(step.event() instanceof LeadCaptured lead)) {
            return step; // another pack's capture
        }
        String self = step.customerId();
        String survivor = self;
        if (!found.isEmpty()) {
            survivor = earliest(self, lead, found.keySet(), ctx);
            CustomerRecord kept = ctx.partitionFor(survivor).getOrCreate(survivor, lead.at());
            if (!survivor.equals(self)) {
                fold(self, kept, ctx);
                facts.add(duplicate(survivor, self, found.get(survivor)));
            }
            for (var f : found.entrySet()) {
                String other = f.getKey();
                if (!other.equals(survivor) && fold(other, kept, ctx)) {
                    facts.add(duplicate(survivor, other, f.getValue()));
                }
            }
        }
        index.claim(survivor, keys);
        return step.routedTo(survivor, Step.partitionOf(survivor, ctx.partitions().length));
    }

    /**
     * The survivor among a new lead and the records it matches: a record with orders first (customers' order
     * histories are never merged), then the earliest created, then the smallest id. The new lead counts as
     * created when it was captured, so the same set of leads gives the same survivors in any order.
     */
    private static String earliest(String self, LeadCaptured lead, Iterable<String> matched, PackContext ctx) {
        String best = self;
        Customer bestC = ctx.partitionFor(self).customer(self);
        for (String id : matched) {
            CustomerRecord c = ctx.partitionFor(id).customer(id);
            if (earlier(id, c, best, bestC, lead)) {
                best = id;
                bestC = c;
            }
        }
        return best;
    }

    private static boolean earlier(String a, Customer ca, String b, Customer cb, LeadCaptured lead) {
        boolean boughtA = ca != null && ca.isHasOrdered();
        boolean boughtB = cb != null && cb.isHasOrdered();
        if (boughtA != boughtB) {
            return boughtA;
        }
        long atA = ca == null ? lead.at().toEpochMilli() : ca.getCreatedAt().toEpochMilli();
        long atB = cb == null ? lead.at().toEpochMilli() : cb.getCreatedAt().toEpochMilli();
        return atA != atB ? atA < atB : a.compareTo(b) < 0;
    }

    /**
     * Folds an existing record into the survivor and forgets it: its id and keys lead to the survivor from now
     * on. A record with orders is left alone (false).
     */
    private boolean fold(String id, CustomerRecord survivor, PackContext ctx) {
        Partition home = ctx.partitionFor(id);
        CustomerRecord c = home.customer(id);
        if (c != null && c.isHasOrdered()) {
            return false;
        }
        if (c != null) {
            home.remove(id);
        }
        ctx.packs().merging(id, c, survivor); // the desk moves the lead's load before the survivor takes its owner
        if (c != null) {
            survivor.absorb(c, ctx.settings().scoring().halfLifeDays());
        }
        index.merge(id, survivor.getId());
        return true;
    }

    private static DuplicateLead duplicate(String survivor, String merged, List<DuplicateIndex.Key> keys) {
        return new DuplicateLead(survivor, merged, keys.stream().map(DuplicateIndex.Key::kind).toList(),
                keys.stream().map(DuplicateIndex.Key::value).toList());
    }

    @Override
    public Set<String> aliases(String id) {
        return index.aliases(id);
    }

    /** An erased person's phone numbers, e-mail addresses and company keys match no later lead. */
    @Override
    public void erasing(Set<String> ids, CustomerRecord erased) {
        index.erase(ids);
    }

    @Override
    public void writeParts(Map<String, byte[]> parts, Set<String> removed) {
        index.writeParts(Snapshots.DEDUP, parts, removed); // its length is in the main part: Snapshots restores both
    }
}
