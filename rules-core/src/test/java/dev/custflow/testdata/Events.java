package dev.custflow.testdata;

import dev.custflow.event.ClockTick;
import dev.custflow.event.ContractSigned;
import dev.custflow.event.CustomerErased;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.event.RepUpdated;
import dev.custflow.event.StageSet;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Outcome;
import dev.custflow.model.Stage;
import dev.custflow.model.TicketKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Terse event factories for tests. Times are {@code yyyy-MM-dd} (09:00 UTC that day) or full
 * ISO-8601 instants; event ids are derived from what the event is, so scenarios stay readable.
 */
public final class Events {
    private Events() {
    }

    /** @param when {@code yyyy-MM-dd} or an ISO instant @return the instant */
    public static Instant at(String when) {
        return when.length() == 10 ? LocalDate.parse(when).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC)
                : Instant.parse(when);
    }

    public static LeadCaptured lead(String leadId, String when, String channel) {
        return LeadCaptured.builder("lead:" + leadId + "@" + when, at(when), leadId, channel)
                .phone("13800000000").build();
    }

    public static OrderPlaced order(String orderId, String customerId, String when, int amount) {
        return OrderPlaced.of("order:" + orderId, at(when), orderId, customerId, BigDecimal.valueOf(amount));
    }

    public static OrderStatusChanged status(String orderId, OrderStatus s, String when) {
        return new OrderStatusChanged("status:" + orderId + ":" + s, at(when), orderId, s, null, null);
    }

    public static InteractionLogged contact(String customerId, InteractionKind kind, String repId, String when) {
        return InteractionLogged.of("ia:" + customerId + ":" + kind + "@" + when, at(when), customerId, kind, repId);
    }

    public static TicketOpened ticket(String ticketId, String customerId, TicketKind kind, String when) {
        return new TicketOpened("ticket:" + ticketId, at(when), ticketId, customerId, kind, null);
    }

    public static TicketResolved resolved(String ticketId, String when) {
        return new TicketResolved("resolved:" + ticketId, at(when), ticketId, true, null);
    }

    public static SurveyAnswered nps(String customerId, int score, String when) {
        return new SurveyAnswered("nps:" + customerId + "@" + when, at(when), customerId, score, null, null);
    }

    public static ContractSigned contract(String contractId, String customerId, String when, String expires) {
        return new ContractSigned("contract:" + contractId + "@" + when, at(when), customerId, contractId,
                LocalDate.parse(expires), null);
    }

    public static OpportunityClosed won(String opportunityId, String customerId, String when) {
        return new OpportunityClosed("won:" + opportunityId, at(when), customerId, opportunityId, Outcome.WON, null,
                null);
    }

    public static ProfileUpdated profile(String customerId, String when) {
        return new ProfileUpdated("profile:" + customerId + "@" + when, at(when), customerId, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    public static RepUpdated rep(String repId, String team, String region, int capacity, String when) {
        return new RepUpdated("rep:" + repId + "@" + when, at(when), repId, repId, team, region, List.of(), false,
                capacity, true);
    }

    public static CustomerErased erased(String customerId, String when) {
        return new CustomerErased("erase:" + customerId + "@" + when, at(when), customerId);
    }

    /** A person sets the stage and keeps it there ({@code pin} true) or lets the rules move it again. */
    public static StageSet stageSet(String customerId, Stage stage, String by, String reason, boolean pin,
                                    String when) {
        return new StageSet("stage:" + customerId + ":" + stage + "@" + when, at(when), customerId, stage, by, reason,
                pin);
    }

    public static ClockTick tick(String when) {
        return new ClockTick("tick@" + when, at(when));
    }
}
