package dev.custflow.benchmarks;

import dev.custflow.event.LeadCaptured;
import dev.custflow.internal.names.CompanyNames;
import dev.custflow.internal.names.PersonNames;
import dev.custflow.model.ContactData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * W1i's baseline: lead intake with de-duplication as a careful developer would write it without a rule engine.
 * The same cleaning (the engine's {@link ContactData}, as a host would reuse a normalisation library), a
 * {@code HashMap} from each normalised phone, e-mail and name + account key to the record that has it, merges into the
 * earliest record (a new lead that links two records folds the later into the earlier), every channel touch
 * kept, and a count of the merges the engine reports as LEADS_MERGED. No actions, ids, audit or partitions.
 */
public final class PlainIntake {
    /** A lead record: when it was first captured, its contact data, its channel touches. */
    static final class Lead {
        final String id;
        final long createdAt;
        String phone;
        String email;
        String companyKey;
        final List<String> channels = new ArrayList<>(1);

        Lead(String id, long createdAt) {
            this.id = id;
            this.createdAt = createdAt;
        }
    }

    private final ContactData clean;
    private final Map<String, Lead> records = new HashMap<>();
    private final Map<String, Lead> byKey = new HashMap<>();
    private final Map<String, Lead> mergedInto = new HashMap<>();
    private long merges;

    /** @param clean how contact data is cleaned (the engine's intake settings) */
    public PlainIntake(ContactData clean) {
        this.clean = clean;
    }

    /** @param e a captured lead */
    public void accept(LeadCaptured e) {
        String phone = valid(clean.phone(e.phone()));
        String email = valid(clean.email(e.email()));
        String companyKey = e.company() == null ? null : clean.companyKey(clean.text(e.company()));
        // the same person: the same name at the same account (a company alone is only a colleague)
        String account = CompanyNames.accountKey(clean.text(e.company()));
        String name = PersonNames.key(e.name());
        String[] keys = {phone == null ? null : "P:" + phone, email == null ? null : "E:" + email,
                account == null || name == null ? null : "N:" + name + "|" + account};
        Lead self = find(e.leadId());
        List<Lead> matched = new ArrayList<>(2);
        for (String k : keys) {
            Lead owner = k == null ? null : resolve(byKey.get(k));
            if (owner != null && owner != self && !matched.contains(owner)) {
                matched.add(owner);
            }
        }
        Lead me = self != null ? self : new Lead(e.leadId(), e.at().toEpochMilli());
        Lead survivor = me;
        for (Lead m : matched) {
            if (m.createdAt < survivor.createdAt || m.createdAt == survivor.createdAt && m.id.compareTo(survivor.id) < 0) {
                survivor = m;
            }
        }
        if (survivor == me && self == null) {
            records.put(me.id, me);
        } else if (survivor != me) {
            merges++;
            if (self != null) {
                fold(self, survivor);
            } else {
                mergedInto.put(e.leadId(), survivor);
            }
        }
        for (Lead m : matched) {
            if (m != survivor) {
                merges++;
                fold(m, survivor);
            }
        }
        survivor.channels.add(e.channel());
        survivor.phone = survivor.phone == null ? phone : survivor.phone;
        survivor.email = survivor.email == null ? email : survivor.email;
        survivor.companyKey = survivor.companyKey == null ? companyKey : survivor.companyKey;
        for (String k : keys) {
            if (k != null) {
                byKey.putIfAbsent(k, survivor);
            }
        }
    }

    private void fold(Lead from, Lead into) {
        records.remove(from.id);
        mergedInto.put(from.id, into);
        into.channels.addAll(from.channels);
        into.phone = into.phone == null ? from.phone : into.phone;
        into.email = into.email == null ? from.email : into.email;
        into.companyKey = into.companyKey == null ? from.companyKey : into.companyKey;
    }

    private Lead find(String id) {
        Lead l = records.get(id);
        return l != null ? l : resolve(mergedInto.get(id));
    }

    private Lead resolve(Lead l) {
        Lead cur = l;
        while (cur != null && mergedInto.containsKey(cur.id)) {
            cur = mergedInto.get(cur.id);
        }
        return cur;
    }

    private static String valid(ContactData.Checked c) {
        return c.isValid() ? c.value() : null;
    }

    /**
     * @param leadId a lead id
     * @return the record it is now (itself or the survivor it was merged into), or null if never seen
     */
    public String survivorOf(String leadId) {
        Lead l = find(leadId);
        return l == null ? null : l.id;
    }

    /**
     * @param leadId a record's id
     * @return its channel touches, or 0
     */
    public int touches(String leadId) {
        Lead l = records.get(leadId);
        return l == null ? 0 : l.channels.size();
    }

    /** @return the lead records (survivors) */
    public int recordCount() {
        return records.size();
    }

    /** @return the merges made (the engine's LEADS_MERGED actions) */
    public long merges() {
        return merges;
    }
}
