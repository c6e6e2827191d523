package dev.custflow.model;

import java.util.List;

/**
 * The selling side of a profile: BANT amount, opportunities, contracts, referrals. Engine use: rules read it
 * through {@link Customer}; the engine's subclass writes it.
 */
public abstract class Sales {
    protected long bantAmountCents;
    protected String openOpportunityId;
    protected int won;
    protected int lost;
    protected int referralsRewarded;
    protected List<Contract> contracts;

    /** Only the engine creates sales records. */
    protected Sales() {
    }
}
