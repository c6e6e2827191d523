package dev.custflow.rules;

import static dev.custflow.test.ExpectedAction.stageChanged;
import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.contact;
import static dev.custflow.testdata.Events.order;

import dev.custflow.RulePack;
import dev.custflow.event.BantUpdated;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.Outcome;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The opportunity pack (docs/design/rules-catalog.md §5): BANT confirmed → an opportunity in one step; won → CUSTOMER. */
class OpportunityPackTest {

    private static RuleVerifier opportunity() {
        return RuleVerifier.forPacks(RulePack.OPPORTUNITY);
    }

    private static LeadCaptured lead(String id) {
        return LeadCaptured.builder("lead:" + id, at("2024-01-01"), id, "TRADE_SHOW").phone("13800000000").build();
    }

    private static BantUpdated bant(String id, String when, Boolean budget, Boolean authority, Boolean need,
                                    Boolean timeline, Integer amount) {
        return new BantUpdated("bant:" + id + "@" + when, at(when), id, budget, authority, need, timeline,
                amount == null ? null : BigDecimal.valueOf(amount));
    }

    private static ExpectedAction created(String id, String opportunityId) {
        return ExpectedAction.of("OPPORTUNITY_CREATED").with("customerId", id).with("opportunityId", opportunityId)
                .with("rule", "opportunity: BANT confirmed turns a lead into an opportunity");
    }

    @Test
    void allFourConfirmed_theLeadBecomesAnOpportunity_carryingItsChannelBudgetAndHistory() {
        opportunity().given(lead("L1"), contact("L1", InteractionKind.CALL, "r1", "2024-01-02"),
                        contact("L1", InteractionKind.MEETING, "r1", "2024-01-05"))
                .when(bant("L1", "2024-01-06", true, true, true, true, 80_000))
                .thenExpectOnly(created("L1", "OPP-L1-1").with("channel", "TRADE_SHOW").with("amount", "80000.00")
                        .with("leadSince", "2024-01-01T09:00:00Z").with("interactions", 2)
                        .with("at", "2024-01-06T09:00:00Z")
                        .with("reason", "budget, authority, need and timeline confirmed (budget 80000.00) for this lead "
                                + "from TRADE_SHOW"));
    }

    @Test
    void confirmedOneAtATime_theOpportunityComesWithTheLastOne_andNotTheDayBefore() {
        opportunity().given(lead("L1"), bant("L1", "2024-01-02", true, null, null, null, null),
                        bant("L1", "2024-01-03", null, true, true, null, null))
                .when(bant("L1", "2024-01-04", null, null, null, true, null))
                .thenExpectOnly(created("L1", "OPP-L1-1").with("amount", null));
        opportunity().given(lead("L1"))
                .when(bant("L1", "2024-01-02", true, true, true, false, null))
                .thenExpectNone();
    }

    @Test
    void oneOpenOpportunityAtATime_aRepeatedConfirmationChangesNothing() {
        opportunity().given(lead("L1"), bant("L1", "2024-01-02", true, true, true, true, null))
                .when(bant("L1", "2024-01-03", true, true, true, true, 90_000))
                .thenExpectNone();
    }

    @Test
    void wonMakesACustomer_withTheLifecyclePack() {
        RuleVerifier.forPacks(RulePack.LIFECYCLE, RulePack.OPPORTUNITY)
                .given(lead("L1"), bant("L1", "2024-01-02", true, true, true, true, null))
                .when(new OpportunityClosed("won1", at("2024-02-01"), "L1", "OPP-L1-1", Outcome.WON, null, null))
                .thenExpectOnly(stageChanged("L1", "LEAD", "CUSTOMER"));
    }

    @Test
    void lost_aNewOpportunityNeedsBantConfirmedAgain() {
        opportunity().given(lead("L1"), bant("L1", "2024-01-02", true, true, true, true, null))
                .when(new OpportunityClosed("lost1", at("2024-02-01"), "L1", "OPP-L1-1", Outcome.LOST, null, "price"),
                        bant("L1", "2024-03-01", true, true, true, null, null),
                        bant("L1", "2024-04-01", null, null, null, true, null))
                .thenExpectOnly(created("L1", "OPP-L1-2").with("at", "2024-04-01T09:00:00Z"));
    }

    @Test
    void aCustomerWhoAlreadyBought_isNotALeadAnyMore() {
        opportunity().given(lead("L1"), order("o1", "L1", "2024-01-02", 500))
                .when(bant("L1", "2024-01-03", true, true, true, true, null))
                .thenExpectNone();
    }
}
