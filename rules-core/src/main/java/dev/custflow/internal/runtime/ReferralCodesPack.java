package dev.custflow.internal.runtime;

import dev.custflow.event.LeadCaptured;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.event.ReferralCodeIssued;
import dev.custflow.internal.packs.ReferralCodeIndex;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.internal.snapshot.StateFormat;
import dev.custflow.model.Customer;
import dev.custflow.rules.ReferralCodeCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The advocacy pack's referral codes: the codes hosts issued (ReferralCodeIssued) in one index, and the check of a
 * code a lead or a profile update comes with, as a {@link ReferralCodeCheck} beside the profile in that event's
 * evaluation. Codes are issued and looked up in stream order on the engine's thread, so the answer does not depend
 * on partitions or batch cuts, and the event need not run alone. The engine's own codes ({@code R-...}) name their
 * customer and are not looked up.
 */
final class ReferralCodesPack implements CrossCustomerPack {
    private final ReferralCodeIndex index = new ReferralCodeIndex();

    /** @return the index (tests) */
    ReferralCodeIndex index() {
        return index;
    }

    @Override
    public void factsOf(Step step, List<Object> facts) {
        if (step.event() instanceof ReferralCodeIssued issued) {
            index.issue(issued.code(), step.customerId());
            return;
        }
        String code = step.event() instanceof LeadCaptured lead ? lead.profile().referralCode()
                : step.event() instanceof ProfileUpdated update ? update.profile().referralCode() : null;
        if (code == null || code.isBlank() || Customer.isOwnReferralCode(code)) {
            return;
        }
        String referrer = index.referrer(code);
        facts.add(referrer == null ? new ReferralCodeCheck(code.strip(), null, index.suggestion(code))
                : new ReferralCodeCheck(code.strip(), referrer, null));
    }

    /** An erased customer's codes name nobody any more: a lead coming with one is told it is unknown. */
    @Override
    public void erasing(Set<String> ids, CustomerRecord erased) {
        index.erase(ids);
    }

    @Override
    public void writeParts(Map<String, byte[]> parts, Set<String> removed) {
        byte[] whole = index.changed();
        if (whole != null) {
            parts.put(StateFormat.REFERRAL_CODES, whole);
        }
    }

    @Override
    public void restoreParts(Map<String, byte[]> stored) {
        byte[] whole = stored.get(StateFormat.REFERRAL_CODES);
        if (whole != null) {
            index.read(whole);
        }
    }
}
