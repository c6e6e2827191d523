package dev.custflow.internal.profile;

import dev.custflow.internal.snapshot.CustomerCodec;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.Contract;
import dev.custflow.model.Sales;
import java.time.LocalDate;
import java.util.ArrayList;

/** The engine's sales record: BANT amount, opportunities, contracts and referrals folded in. */
final class SalesRecord extends Sales {
    void sign(Contract c) {
        if (contracts == null) {
            contracts = new ArrayList<>(1);
        }
        contracts.removeIf(old -> old.contractId().equals(c.contractId()));
        contracts.add(c);
    }

    void bantAmount(long cents) {
        bantAmountCents = cents;
    }

    long bantAmount() {
        return bantAmountCents;
    }

    void closed(String opportunityId, boolean won) {
        if (won) {
            this.won++;
        } else {
            lost++;
        }
        if (opportunityId.equals(openOpportunityId)) {
            openOpportunityId = null;
        }
    }

    void open(String opportunityId) {
        openOpportunityId = opportunityId;
    }

    void referralRewarded() {
        referralsRewarded++;
    }

    /** @return false when there was no referral to take back (the count never goes below 0) */
    boolean referralReversed() {
        if (referralsRewarded == 0) {
            return false;
        }
        referralsRewarded--;
        return true;
    }

    void write(SnapshotOutput o) {
        o.writeSignedLong(bantAmountCents);
        o.writeString(openOpportunityId);
        o.writeVarInt(won);
        o.writeVarInt(lost);
        o.writeVarInt(referralsRewarded);
        o.writeVarInt(contracts == null ? 0 : contracts.size() + 1);
        if (contracts != null) {
            for (Contract c : contracts) {
                o.writeString(c.contractId());
                o.writeBoolean(c.expiresOn() != null);
                if (c.expiresOn() != null) {
                    o.writeSignedLong(c.expiresOn().toEpochDay());
                }
                CustomerCodec.decimal(o, c.amount());
            }
        }
    }

    static SalesRecord read(SnapshotInput in) {
        SalesRecord x = new SalesRecord();
        x.bantAmountCents = in.readSignedLong();
        x.openOpportunityId = in.readString();
        x.won = in.readVarInt();
        x.lost = in.readVarInt();
        x.referralsRewarded = in.readVarInt();
        int n = in.readVarInt();
        if (n > 0) {
            x.contracts = new ArrayList<>(Math.max(1, n - 1));
            for (int i = 0; i < n - 1; i++) {
                String id = in.readString();
                LocalDate expires = in.readBoolean() ? LocalDate.ofEpochDay(in.readSignedLong()) : null;
                x.contracts.add(new Contract(id, expires, CustomerCodec.decimal(in)));
            }
        }
        return x;
    }
}
