package dev.custflow.internal.runtime;

import dev.custflow.event.LeadCaptured;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.internal.names.CompanyNames;
import dev.custflow.internal.packs.AccountIndex;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.internal.snapshot.StateFormat;
import dev.custflow.model.ContactData;
import dev.custflow.rules.AccountLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leads pack's accounts (docs/rules.md, "Accounts"): every record with a company name listed under its
 * account key in one engine-wide index. A captured lead whose account already lists other contacts runs alone with
 * every partition up to date, and its evaluation sees an {@link AccountLink} fact naming them and those of them
 * that buy. Accounts never merge anyone: that takes evidence of the same person (DuplicateIndexPack, which runs
 * before this pack, so a merged lead is linked as its survivor).
 */
final class AccountIndexPack implements CrossCustomerPack {
    private final AccountIndex index = new AccountIndex();
    private final ContactData intake;
    /** The account key of the event at hand, from its company name (set by {@link #captures}), or null. */
    private String account;

    AccountIndexPack(ContactData intake) {
        this.intake = intake;
    }

    /** @return the index (tests) */
    AccountIndex index() {
        return index;
    }

    @Override
    public boolean captures(Step step) {
        account = null;
        if (step.event() instanceof LeadCaptured lead) {
            account = CompanyNames.accountKey(intake.text(lead.profile().company()));
            return account != null && index.hasOthers(account, step.customerId());
        }
        if (step.event() instanceof ProfileUpdated update) {
            account = CompanyNames.accountKey(intake.text(update.profile().company()));
        }
        return false;
    }

    /** A lead or profile update that runs with the rest: a lead joins its account (nobody else is there yet). */
    @Override
    public boolean onEvent(Step step) {
        link(step);
        return false;
    }

    /**
     * Lists the lead under its account and, when it joins an account that has other contacts, adds the
     * {@link AccountLink}. A record that has a company already stays under its account (a repeated capture only fills
     * missing fields), and a person already listed (a repeated capture, a duplicate merged into them) gets no new
     * link.
     */
    @Override
    public Step onCapture(Step step, List<Object> facts, PackContext ctx) {
        String id = step.customerId();
        boolean joins = index.accountOf(id) == null; // a known contact coming back is no news to the account
        String key = link(step);
        if (key != null && joins && step.event() instanceof LeadCaptured) {
            List<String> others = new ArrayList<>(index.contacts(key));
            others.remove(id);
            if (!others.isEmpty()) {
                facts.add(accountLink(id, key, others, ctx));
            }
        }
        return step;
    }

    /** @return the account the event's record is under afterwards, or null */
    private String link(Step step) {
        String id = step.customerId();
        if (account != null && (step.event() instanceof ProfileUpdated || index.accountOf(id) == null)) {
            index.link(id, account); // a profile update replaces the company; a capture only fills it
        }
        return index.accountOf(id);
    }

    private static AccountLink accountLink(String id, String key, List<String> others, PackContext ctx) {
        List<String> buying = new ArrayList<>();
        String buyingOwner = null;
        String anyOwner = null;
        for (String other : others) {
            CustomerRecord c = ctx.partitionFor(other).customer(other);
            if (c == null) {
                continue;
            }
            if (c.isHasOrdered()) {
                buying.add(other);
                buyingOwner = buyingOwner == null ? c.getOwnerId() : buyingOwner;
            }
            anyOwner = anyOwner == null ? c.getOwnerId() : anyOwner;
        }
        return new AccountLink(id, key, others, buying, buyingOwner != null ? buyingOwner : anyOwner);
    }

    /** A duplicate merged away leaves its account; its survivor joins it when it had none (it takes the company). */
    @Override
    public void merging(String id, CustomerRecord merged, CustomerRecord survivor) {
        String was = index.accountOf(id);
        index.unlink(id);
        if (was != null && index.accountOf(survivor.getId()) == null && survivor.getCompany() == null) {
            index.link(survivor.getId(), was);
        }
    }

    /** An erased person is no contact of any account any more. */
    @Override
    public void erasing(Set<String> ids, CustomerRecord erased) {
        index.erase(ids);
    }

    @Override
    public void writeParts(Map<String, byte[]> parts, Set<String> removed) {
        index.writeParts(StateFormat.ACCOUNTS, StateFormat.ACCOUNT_SEGMENTS, parts, removed);
    }

    @Override
    public void restoreParts(Map<String, byte[]> stored) {
        index.restore(stored, StateFormat.ACCOUNTS, StateFormat.ACCOUNT_SEGMENTS);
    }
}
