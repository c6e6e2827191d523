package dev.custflow.insights;

import dev.custflow.BatchResult;
import dev.custflow.action.Action;
import dev.custflow.action.LeadAssigned;
import dev.custflow.action.LeadReassigned;
import dev.custflow.action.LeadScored;
import dev.custflow.action.OpportunityCreated;
import dev.custflow.action.ReferralRewarded;
import dev.custflow.action.SlaEscalated;
import dev.custflow.action.StageChanged;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.model.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Terse facts for the book's specifications: events, and the actions an engine would have answered with, without
 * building an engine (the engine's own answers are covered by KpiBookEngineTest). Times are {@code yyyy-MM-dd}
 * (09:00 UTC that day) or ISO instants.
 */
final class Facts {
    private static final AtomicLong IDS = new AtomicLong();

    private Facts() {
    }

    static Instant at(String when) {
        return when.length() == 10 ? LocalDate.parse(when).atTime(9, 0).toInstant(ZoneOffset.UTC) : Instant.parse(when);
    }

    static String id() {
        return "f" + IDS.incrementAndGet();
    }

    /** The engine accepted the event and answered with these actions. */
    static void feed(KpiBook book, Event event, Action... actions) {
        book.record(event, new BatchResult(List.of(actions), List.of(), 1, 0));
    }

    /** Time rules fired these actions. */
    static void time(KpiBook book, Action... actions) {
        book.recordTimeActions(new BatchResult(List.of(actions), List.of(), 0, 0));
    }

    static LeadCaptured lead(String leadId, String when, String channel, String region) {
        return LeadCaptured.builder(id(), at(when), leadId, channel).region(region).name("王小明")
                .phone("13812345678").email("xiaoming@example.com").build();
    }

    static OrderPlaced order(String orderId, String customerId, String when, String amount) {
        return OrderPlaced.of(id(), at(when), orderId, customerId, new BigDecimal(amount));
    }

    static OrderPlaced order(String orderId, String customerId, String when, String amount, LocalDate promised,
                             OrderLine... lines) {
        return new OrderPlaced(id(), at(when), orderId, customerId, new BigDecimal(amount), null, List.of(lines),
                promised);
    }

    static SurveyAnswered survey(String customerId, String when, Integer nps, Integer csat) {
        return new SurveyAnswered(id(), at(when), customerId, nps, csat, null);
    }

    static StageChanged stage(String customerId, String when, Stage from, Stage to) {
        return new StageChanged(id(), at(when), "test", "test", customerId, from, to);
    }

    static LeadAssigned assigned(String customerId, String when, String rep) {
        return new LeadAssigned(id(), at(when), "test", "test", customerId, rep, "ROUND_ROBIN", List.of(rep));
    }

    static LeadReassigned reassigned(String customerId, String when, String rep) {
        return new LeadReassigned(id(), at(when), "test", "test", customerId, rep, 0);
    }

    static LeadScored scored(String customerId, String when, int score) {
        return new LeadScored(id(), at(when), "test", "test", customerId, score, "B", score, 0);
    }

    static SlaEscalated escalated(String customerId, String when, String rep) {
        return new SlaEscalated(id(), at(when), "test", "test", customerId, rep, 120);
    }

    static OpportunityCreated opportunity(String customerId, String when) {
        return new OpportunityCreated(id(), at(when), "test", "test", customerId, "OPP-" + customerId + "-1", null,
                "WEBSITE", null, 60, at(when), 1);
    }

    static ReferralRewarded rewarded(String referrerId, String referredId, String when) {
        return new ReferralRewarded(id(), at(when), "test", "test", referrerId, referredId, "COUPON");
    }
}
