package dev.custflow.event;

import dev.custflow.EventRejectedException;
import dev.custflow.model.Review;
import java.time.Instant;

/**
 * A customer answered a survey: NPS (0-10), CSAT (1-5) and/or an after-sales review.
 *
 * @param id         event id
 * @param at         when
 * @param customerId the customer
 * @param nps        net promoter score, 0-10
 * @param csat       satisfaction, 1-5
 * @param review     GOOD, NEUTRAL or BAD
 */
public record SurveyAnswered(String id, Instant at, String customerId, Integer nps, Integer csat, Review review)
        implements Event {

    /** Validates the contract: customerId is required, nps 0-10, csat 1-5, at least one answer. */
    public SurveyAnswered {
        Check.envelope("SurveyAnswered", id, at);
        Check.id("SurveyAnswered", "customerId", customerId);
        Check.range("SurveyAnswered", "nps", nps, 0, 10);
        Check.range("SurveyAnswered", "csat", csat, 1, 5);
        if (nps == null && csat == null && review == null) {
            throw EventRejectedException.ofField("SurveyAnswered", "nps", null,
                    "a survey answer needs at least one of nps, csat or review");
        }
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
