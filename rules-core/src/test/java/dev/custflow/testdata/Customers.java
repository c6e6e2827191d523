package dev.custflow.testdata;

import dev.custflow.internal.profile.CustomerRecord;

import dev.custflow.model.Channel;
import dev.custflow.event.ConsentChanged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.model.Customer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * CustomerRecord facts for unit tests of the engine's internal structures, built without an engine. Every change to a
 * customer's state a test needs goes through here, so that when the mutators leave {@link Customer} only this class
 * has to follow them.
 */
public final class Customers {
    private Customers() {
    }

    /** @return a customer the engine first saw at {@code createdAt}, nothing else known */
    public static CustomerRecord plain(String id, Instant createdAt) {
        return new CustomerRecord(id, createdAt);
    }

    /** @return a lead captured from the website at {@code at}, reachable by phone */
    public static CustomerRecord lead(String id, Instant at) {
        return lead(id, at, b -> b);
    }

    /**
     * @param profile fills in the capture's profile fields (channel WEBSITE and a valid phone are preset)
     * @return a lead captured at {@code at}
     */
    public static CustomerRecord lead(String id, Instant at, UnaryOperator<LeadCaptured.Builder> profile) {
        CustomerRecord c = new CustomerRecord(id, at);
        c.apply(profile.apply(LeadCaptured.builder("capture:" + id, at, id, "WEBSITE").phone("13800000000")).build());
        return c;
    }

    /** Folds an order into the customer (its clock moves to the order). @return the customer */
    public static CustomerRecord ordered(CustomerRecord c, String orderId, Instant at, long amount) {
        c.nowMillis(at.toEpochMilli());
        c.apply(OrderPlaced.of("order:" + orderId, at, orderId, c.getId(), BigDecimal.valueOf(amount)));
        return c;
    }

    /** Moves the customer's clock, as the engine does before it reads time-based values. @return the customer */
    public static CustomerRecord at(CustomerRecord c, Instant now) {
        c.nowMillis(now.toEpochMilli());
        return c;
    }

    /** Gives a lead a score and grade, as the scoring pack would. @return the customer */
    public static CustomerRecord scored(CustomerRecord c, int score, String grade) {
        c.setScore(score, grade);
        return c;
    }

    /** @return the customer, with the tag added */
    public static CustomerRecord tagged(CustomerRecord c, String tag) {
        c.addTag(tag);
        return c;
    }

    /** The customer opts out of a channel (a ConsentChanged event). @return the customer */
    public static CustomerRecord optedOut(CustomerRecord c, Channel channel, Instant at) {
        c.apply(new ConsentChanged("consent:" + c.getId() + ":" + channel + "@" + at, at, c.getId(), channel, true));
        return c;
    }
}
