package dev.custflow.action;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Something the engine asks the host to do (docs/events.md): assign a lead, send a coupon, open a task,
 * raise a warning. Every action names the rule that decided it and the reason, in words a sales
 * manager understands, and has a stable id: the same cause always yields the same id, so a
 * receiver recognises a re-delivered action.
 *
 * <p>The JSON {@code type} is the upper-case name on each record ({@code STAGE_CHANGED}...).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StageChanged.class, name = "STAGE_CHANGED"),
        @JsonSubTypes.Type(value = LeadScored.class, name = "LEAD_SCORED"),
        @JsonSubTypes.Type(value = LeadDisqualified.class, name = "LEAD_DISQUALIFIED"),
        @JsonSubTypes.Type(value = LeadsMerged.class, name = "LEADS_MERGED"),
        @JsonSubTypes.Type(value = AccountLinked.class, name = "ACCOUNT_LINKED"),
        @JsonSubTypes.Type(value = LeadAssigned.class, name = "LEAD_ASSIGNED"),
        @JsonSubTypes.Type(value = SlaEscalated.class, name = "SLA_ESCALATED"),
        @JsonSubTypes.Type(value = LeadReassigned.class, name = "LEAD_REASSIGNED"),
        @JsonSubTypes.Type(value = OpportunityCreated.class, name = "OPPORTUNITY_CREATED"),
        @JsonSubTypes.Type(value = TaskCreated.class, name = "TASK_CREATED"),
        @JsonSubTypes.Type(value = ChurnWarning.class, name = "CHURN_WARNING"),
        @JsonSubTypes.Type(value = ChurnCleared.class, name = "CHURN_CLEARED"),
        @JsonSubTypes.Type(value = AtRiskDigest.class, name = "AT_RISK_DIGEST"),
        @JsonSubTypes.Type(value = SegmentChanged.class, name = "SEGMENT_CHANGED"),
        @JsonSubTypes.Type(value = TagAdded.class, name = "TAG_ADDED"),
        @JsonSubTypes.Type(value = TagRemoved.class, name = "TAG_REMOVED"),
        @JsonSubTypes.Type(value = MessageRequested.class, name = "MESSAGE_REQUESTED"),
        @JsonSubTypes.Type(value = InvoiceRequested.class, name = "INVOICE_REQUESTED"),
        @JsonSubTypes.Type(value = StockCheckRequested.class, name = "STOCK_CHECK_REQUESTED"),
        @JsonSubTypes.Type(value = ProductionRequested.class, name = "PRODUCTION_REQUESTED"),
        @JsonSubTypes.Type(value = PurchaseRequested.class, name = "PURCHASE_REQUESTED"),
        @JsonSubTypes.Type(value = ShipmentRequested.class, name = "SHIPMENT_REQUESTED"),
        @JsonSubTypes.Type(value = DeliveryLate.class, name = "DELIVERY_LATE"),
        @JsonSubTypes.Type(value = ReferralRewarded.class, name = "REFERRAL_REWARDED"),
        @JsonSubTypes.Type(value = ReferralReversed.class, name = "REFERRAL_REVERSED"),
        @JsonSubTypes.Type(value = LeadClosed.class, name = "LEAD_CLOSED"),
        @JsonSubTypes.Type(value = LeadRecycled.class, name = "LEAD_RECYCLED"),
        @JsonSubTypes.Type(value = LeadWaiting.class, name = "LEAD_WAITING"),
        @JsonSubTypes.Type(value = ReferralCodeUnknown.class, name = "REFERRAL_CODE_UNKNOWN")
})
public sealed interface Action
        permits StageChanged, LeadScored, LeadDisqualified, LeadsMerged, AccountLinked, LeadAssigned, SlaEscalated,
        LeadReassigned, OpportunityCreated, TaskCreated, ChurnWarning, ChurnCleared, AtRiskDigest, SegmentChanged,
        TagAdded, TagRemoved,
        MessageRequested, InvoiceRequested, StockCheckRequested, ProductionRequested, PurchaseRequested,
        ShipmentRequested, DeliveryLate, ReferralRewarded, ReferralReversed, LeadClosed, LeadRecycled, LeadWaiting,
        ReferralCodeUnknown {

    /** @return the stable id: the same cause always yields the same id */
    String id();

    /** @return when the engine decided it (its clock at the time) */
    Instant at();

    /** @return the name of the rule that decided it, e.g. {@code lifecycle: repeat buyer becomes loyal} */
    String rule();

    /** @return why, in words a sales manager understands: what was seen and which threshold was met */
    String reason();

    /** @return the customer the action is about (the survivor for merges, the referrer for rewards) */
    String customerId();

    /** @return the JSON {@code type} of this action, e.g. STAGE_CHANGED */
    @JsonIgnore
    String type();
}
