package dev.custflow.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Something that happened, told to the engine by the host (docs/events.md). Every event has an
 * {@code id} (unique per event, used to ignore duplicates) and {@code at} (when it happened).
 *
 * <p>Events are immutable records that map 1:1 to the JSON contract: the JSON {@code type} is the
 * record's simple name. Each record validates itself when built, so an event built in Java is held
 * to the same contract as one read from JSON.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LeadCaptured.class, name = "LeadCaptured"),
        @JsonSubTypes.Type(value = ProfileUpdated.class, name = "ProfileUpdated"),
        @JsonSubTypes.Type(value = InteractionLogged.class, name = "InteractionLogged"),
        @JsonSubTypes.Type(value = BantUpdated.class, name = "BantUpdated"),
        @JsonSubTypes.Type(value = OpportunityClosed.class, name = "OpportunityClosed"),
        @JsonSubTypes.Type(value = OrderPlaced.class, name = "OrderPlaced"),
        @JsonSubTypes.Type(value = OrderStatusChanged.class, name = "OrderStatusChanged"),
        @JsonSubTypes.Type(value = PaymentReceived.class, name = "PaymentReceived"),
        @JsonSubTypes.Type(value = TicketOpened.class, name = "TicketOpened"),
        @JsonSubTypes.Type(value = TicketResolved.class, name = "TicketResolved"),
        @JsonSubTypes.Type(value = SurveyAnswered.class, name = "SurveyAnswered"),
        @JsonSubTypes.Type(value = ContractSigned.class, name = "ContractSigned"),
        @JsonSubTypes.Type(value = ConsentChanged.class, name = "ConsentChanged"),
        @JsonSubTypes.Type(value = RepUpdated.class, name = "RepUpdated"),
        @JsonSubTypes.Type(value = CampaignLaunched.class, name = "CampaignLaunched"),
        @JsonSubTypes.Type(value = ClockTick.class, name = "ClockTick"),
        @JsonSubTypes.Type(value = CustomerErased.class, name = "CustomerErased"),
        @JsonSubTypes.Type(value = StageSet.class, name = "StageSet"),
        @JsonSubTypes.Type(value = LeadLost.class, name = "LeadLost"),
        @JsonSubTypes.Type(value = OwnerSet.class, name = "OwnerSet"),
        @JsonSubTypes.Type(value = ReferralCodeIssued.class, name = "ReferralCodeIssued")
})
public sealed interface Event
        permits LeadCaptured, ProfileUpdated, InteractionLogged, BantUpdated, OpportunityClosed, OrderPlaced,
        OrderStatusChanged, PaymentReceived, TicketOpened, TicketResolved, SurveyAnswered, ContractSigned,
        ConsentChanged, RepUpdated, CampaignLaunched, ClockTick, CustomerErased, StageSet, LeadLost,
        OwnerSet, ReferralCodeIssued {

    /** @return the host's id of this event, unique per event */
    String id();

    /** @return when it happened; in event-time mode this is the engine's clock */
    Instant at();

    /** @return the JSON {@code type} of this event */
    @JsonIgnore
    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * The customer this event is about, when the event itself names it. Order and ticket follow-ups
     * ({@link OrderStatusChanged}, {@link PaymentReceived}, {@link TicketResolved}) may leave it out:
     * the engine then finds the customer from the order or ticket id.
     *
     * @return the customer (or lead) id, or null when the event does not name one
     */
    @JsonIgnore
    String subjectId();
}
