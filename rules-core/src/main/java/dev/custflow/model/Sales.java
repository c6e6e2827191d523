package dev.custflow.model;

import java.util.ArrayList;
import java.util.List;

/** The selling side of a profile: BANT amount, opportunities, contracts, referrals. */
final class Sales {
    long bantAmountCents;
    String openOpportunityId;
    int won;
    int lost;
    int referralsRewarded;
    List<Contract> contracts;

    void sign(Contract c) {
        if (contracts == null) {
            contracts = new ArrayList<>(1);
        }
        contracts.removeIf(old -> old.contractId().equals(c.contractId()));
        contracts.add(c);
    }
}
