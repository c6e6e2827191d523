package dev.custflow.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a {@link Customer} has done: orders and the products in them, service tickets, survey answers and
 * interactions, each with the windows and due times rules ask about. Rules match and read {@code Customer}, which
 * inherits all of this; nothing here changes a profile.
 */
public abstract class CustomerHistory extends CustomerContact {
    protected Orders orders;
    protected Products products;
    protected Service service;
    protected Engagement engagement;
    /** The last survey answer, allocated with the first: most customers never answer one. */
    protected LastSurvey lastSurvey;

    /**
     * @param id        the customer (or lead) id
     * @param createdAt when the engine first saw it, epoch millis
     */
    protected CustomerHistory(String id, long createdAt) {
        super(id, createdAt);
    }

    // ---------------------------------------------------------------- orders

    /** @return true if the customer has placed at least one order */
    public boolean isHasOrdered() {
        return orders != null && orders.count > 0;
    }

    /** @return the number of orders ever placed */
    public int getOrderCount() {
        return orders == null ? 0 : orders.count;
    }

    /** @return the total of all orders ever placed */
    public BigDecimal getTotalSpent() {
        return Money.of(orders == null ? 0 : orders.totalCents);
    }

    /** @return the total of all orders in cents */
    public long getTotalSpentCents() {
        return orders == null ? 0 : orders.totalCents;
    }

    /** @return when the last order was placed, or null */
    public Instant getLastOrderAt() {
        return orders == null ? null : Instant.ofEpochMilli(orders.lastAt);
    }

    /** @return when the first order was placed, or null */
    public Instant getFirstOrderAt() {
        return orders == null ? null : Instant.ofEpochMilli(orders.firstAt);
    }

    /**
     * Whole days since the last order; for a customer who never ordered, days since the profile was
     * created (so "no order for N days" also covers a customer won by contract who never ordered).
     *
     * @return days without an order
     */
    public int getDaysSinceLastOrder() {
        return Times.daysBetween(orders == null ? createdAt : orders.lastAt, now);
    }

    /**
     * @param days the window
     * @return the instant {@code days} after the last order (or after creation when there was none):
     *         when "no order for {@code days} days" becomes true
     */
    public Instant daysAfterLastOrder(int days) {
        return Instant.ofEpochMilli((orders == null ? createdAt : orders.lastAt) + days * Times.DAY_MILLIS);
    }

    /**
     * @param days the window
     * @return orders placed in the last {@code days} days
     */
    public int ordersWithinDays(int days) {
        return orders == null ? 0 : orders.countSince(Times.minute(now - days * Times.DAY_MILLIS));
    }

    /**
     * @param days the window
     * @return the total amount of orders placed in the last {@code days} days
     */
    public BigDecimal spentWithinDays(int days) {
        return Money.of(orders == null ? 0 : orders.sumSince(Times.minute(now - days * Times.DAY_MILLIS)));
    }

    /** @return the amount of the last order, or 0 */
    public BigDecimal getLastOrderAmount() {
        return Money.of(orders == null ? 0 : orders.amountFromEnd(0));
    }

    /**
     * @param fromEnd 0 for the last order, 1 for the one before...
     * @return that order's amount, or null when the history is shorter
     */
    public BigDecimal orderAmountFromEnd(int fromEnd) {
        if (orders == null || fromEnd >= orders.historySize()) {
            return null;
        }
        return Money.of(orders.amountFromEnd(fromEnd));
    }

    /** @return the mean days between consecutive orders, or -1 with fewer than 2 orders in the history */
    public double getMeanOrderIntervalDays() {
        return orders == null ? -1 : orders.meanIntervalDays();
    }

    /** @return the median days between consecutive orders, or -1 with fewer than 2 orders in the history */
    public double getMedianOrderIntervalDays() {
        return orders == null ? -1 : orders.medianIntervalDays();
    }

    /** @return the orders still in fulfilment */
    public List<OpenOrder> getOpenOrders() {
        return orders == null ? List.of() : Orders.list(orders.open);
    }

    /**
     * @param orderId an order id
     * @return the open order, or null
     */
    public OpenOrder openOrder(String orderId) {
        return orders == null ? null : orders.open(orderId);
    }

    /**
     * @return every order the engine tracks: those in fulfilment, then those delivered, cancelled or returned within
     *         the tracking period (180 days since their last status), with their status timelines
     */
    public List<OpenOrder> getTrackedOrders() {
        if (orders == null || orders.closed == null) {
            return getOpenOrders();
        }
        List<OpenOrder> all = new ArrayList<>(getOpenOrders());
        all.addAll(Orders.list(orders.closed));
        return Collections.unmodifiableList(all);
    }

    /**
     * @param orderId an order id
     * @return the tracked order (in fulfilment or closed within the tracking period), or null
     */
    public OpenOrder trackedOrder(String orderId) {
        return orders == null ? null : orders.tracked(orderId);
    }

    /**
     * @return what the customer owes: the unpaid part of every tracked order that was not cancelled or returned
     */
    public BigDecimal getOwed() {
        BigDecimal owed = BigDecimal.ZERO.setScale(2);
        for (OpenOrder o : getTrackedOrders()) {
            if (!o.isReversed()) {
                owed = owed.add(o.getOutstanding());
            }
        }
        return owed;
    }

    /**
     * @param zone the business's time zone (the promised date is a calendar day in it)
     * @return the share of deliveries with a promised date that arrived on or before it (0 to 1; returned orders do
     *         not count), or -1 before any such delivery
     */
    public double onTimeDeliveryRate(ZoneId zone) {
        return orders == null ? -1 : orders.onTimeRate(zone);
    }

    /** @return how many deliveries with a promised date count toward {@link #onTimeDeliveryRate} */
    public int getDeliveriesWithPromise() {
        return orders == null ? 0 : orders.deliveries.promisedDays.length;
    }

    /** @return when an order was last delivered, or null */
    public Instant getLastDeliveredAt() {
        return orders == null ? null : Times.instant(orders.deliveries.lastDeliveredAt);
    }

    /** @return the number of orders returned */
    public int getOrdersReturned() {
        return orders == null ? 0 : orders.deliveries.returned;
    }

    /** @return whole days since the last delivery, or -1 when nothing was delivered */
    public int getDaysSinceLastDelivery() {
        return orders == null || orders.deliveries.lastDeliveredAt == Times.NEVER ? -1
                : Times.daysBetween(orders.deliveries.lastDeliveredAt, now);
    }

    /**
     * @param days a number of days
     * @return the instant {@code days} after the first order, or null before any order
     */
    public Instant daysAfterFirstOrder(int days) {
        return orders == null ? null : Instant.ofEpochMilli(orders.firstAt + days * Times.DAY_MILLIS);
    }

    /** @return whole days since the first order, or -1 before any order */
    public int getDaysSinceFirstOrder() {
        return orders == null ? -1 : Times.daysBetween(orders.firstAt, now);
    }

    /**
     * @param orders how many consecutive falls
     * @return true if each of the last {@code orders} orders was smaller than the one before it
     */
    public boolean amountFellOn(int orders) {
        if (this.orders == null || this.orders.historySize() < orders + 1) {
            return false;
        }
        for (int k = 0; k < orders; k++) {
            if (this.orders.amountFromEnd(k) >= this.orders.amountFromEnd(k + 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param factor a multiple of the customer's mean interval between orders
     * @return the first instant at which the whole days since the last order exceed that many mean intervals,
     *         or null with fewer than 3 orders
     */
    public Instant intervalDueAt(double factor) {
        double mean = getMeanOrderIntervalDays();
        if (orders == null || orders.historySize() < 3 || mean < 0) {
            return null;
        }
        return Instant.ofEpochMilli(orders.lastAt + ((long) Math.floor(factor * mean) + 1) * Times.DAY_MILLIS);
    }

    /**
     * @return when the customer is expected to order again: the last order plus the median interval between
     *         orders; null with fewer than 2 orders
     */
    public Instant getPredictedRepurchaseAt() {
        double median = getMedianOrderIntervalDays();
        return orders == null || median < 0 ? null
                : Instant.ofEpochMilli(orders.lastAt + Math.round(median * Times.DAY_MILLIS));
    }

    /**
     * @param days days before the predicted repurchase
     * @return true from {@code days} before the predicted repurchase until it (see {@link #getPredictedRepurchaseAt})
     */
    public boolean repurchaseDueWithin(int days) {
        Instant predicted = getPredictedRepurchaseAt();
        return predicted != null && now < predicted.toEpochMilli()
                && now >= predicted.toEpochMilli() - days * Times.DAY_MILLIS;
    }

    // ---------------------------------------------------------------- products

    /**
     * @param sku a product code
     * @return true if the customer ever bought it (among the last 32 products bought)
     */
    public boolean hasBought(String sku) {
        return products != null && products.indexOf(sku) >= 0;
    }

    /**
     * @param sku a product code
     * @return whole days since the customer first bought it, or -1 if never
     */
    public int daysSinceFirstBought(String sku) {
        int i = products == null ? -1 : products.indexOf(sku);
        return i < 0 ? -1 : Times.daysBetween(Times.millis(products.firstMinute[i]), now);
    }

    /**
     * @param sku  a product code
     * @param days a number of days
     * @return the instant {@code days} after the first purchase of the product, or null if never bought
     */
    public Instant daysAfterFirstBought(String sku, int days) {
        int i = products == null ? -1 : products.indexOf(sku);
        return i < 0 ? null : Instant.ofEpochMilli(Times.millis(products.firstMinute[i]) + days * Times.DAY_MILLIS);
    }

    /** @return the products bought (the last 32 distinct ones, in no particular order) */
    public List<String> getProductsBought() {
        return products == null ? List.of() : List.of(products.skus);
    }

    // ---------------------------------------------------------------- service

    /** @return the open service tickets */
    public List<OpenTicket> getOpenTickets() {
        return service == null || service.open == null ? List.of() : Collections.unmodifiableList(service.open);
    }

    /** @return true if a complaint ticket is open */
    public boolean isHasOpenComplaint() {
        return getOpenComplaints() > 0;
    }

    /** @return the number of open complaint tickets */
    public int getOpenComplaints() {
        return service == null ? 0 : service.openComplaints();
    }

    /**
     * @param days the window
     * @return complaints opened in the last {@code days} days
     */
    public int complaintsWithinDays(int days) {
        return service == null ? 0 : Windows.countSince(service.complaints,
                Times.minute(now - days * Times.DAY_MILLIS));
    }

    /**
     * @param days the window
     * @return returns and exchanges (tickets or returned orders) in the last {@code days} days
     */
    public int returnsWithinDays(int days) {
        return service == null ? 0 : Windows.countSince(service.returns, Times.minute(now - days * Times.DAY_MILLIS));
    }

    /**
     * @param days the window
     * @param min  the count that matters
     * @return when fewer than {@code min} complaints will remain within the window if none is added, or null
     *         when there are already fewer
     */
    public Instant complaintsBelowAt(int days, int min) {
        return Windows.belowAt(service == null ? null : service.complaints, now, days, min);
    }

    /**
     * @param days the window
     * @param min  the count that matters
     * @return when fewer than {@code min} returns and exchanges will remain within the window, or null
     */
    public Instant returnsBelowAt(int days, int min) {
        return Windows.belowAt(service == null ? null : service.returns, now, days, min);
    }

    /** @return tickets ever opened */
    public int getTicketCount() {
        return service == null ? 0 : service.opened;
    }

    /** @return tickets resolved at the first contact */
    public int getFirstContactResolutions() {
        return service == null ? 0 : service.firstContact;
    }

    /** @return tickets resolved */
    public int getTicketsResolved() {
        return service == null ? 0 : service.resolved;
    }

    // ---------------------------------------------------------------- surveys

    /** @return the last NPS answer 0-10, or -1 when never asked */
    public int getLastNps() {
        return lastSurvey == null ? -1 : lastSurvey.nps;
    }

    /** @return the last CSAT answer 1-5, or -1 when never asked */
    public int getLastCsat() {
        return lastSurvey == null ? -1 : lastSurvey.csat;
    }

    /** @return the last after-sales review, or null */
    public Review getLastReview() {
        return lastSurvey == null ? null : lastSurvey.review;
    }

    /** @return when the last survey was answered, or null */
    public Instant getLastSurveyAt() {
        return lastSurvey == null ? null : Times.instant(lastSurvey.at);
    }

    /** @return whole days since the last survey answer, or -1 when never */
    public int getDaysSinceLastSurvey() {
        return lastSurvey == null || lastSurvey.at == Times.NEVER ? -1 : Times.daysBetween(lastSurvey.at, now);
    }

    // ---------------------------------------------------------------- engagement

    /** @return true once a rep has reached the customer (call, visit, meeting, chat, e-mail) */
    public boolean isRepEngaged() {
        return (flags & REP_ENGAGED) != 0;
    }

    /** @return when anything was last logged with the customer, or null */
    public Instant getLastInteractionAt() {
        return engagement == null ? null : Instant.ofEpochMilli(engagement.lastAt);
    }

    /** @return when a rep last reached the customer, or null */
    public Instant getLastRepContactAt() {
        return engagement == null ? null : Times.instant(engagement.lastRepContactAt);
    }

    /** @return whole days since any interaction; days since creation when there was none */
    public int getDaysSinceLastInteraction() {
        return Times.daysBetween(engagement == null ? createdAt : engagement.lastAt, now);
    }

    /** @return whole days since a rep last reached the customer; days since creation when never */
    public int getDaysSinceLastContact() {
        long last = engagement == null || engagement.lastRepContactAt == Times.NEVER ? createdAt
                : engagement.lastRepContactAt;
        return Times.daysBetween(last, now);
    }

    /**
     * @param days the window
     * @return interactions logged in the last {@code days} days
     */
    public int interactionsWithinDays(int days) {
        return engagement == null ? 0 : Windows.countSince(engagement.minutes,
                Times.minute(now - days * Times.DAY_MILLIS));
    }

    /** @return interactions ever logged */
    public int getInteractionCount() {
        return engagement == null ? 0 : engagement.count;
    }

    /**
     * @param weeks a number of weeks
     * @param min   interactions needed
     * @return true if at least {@code min} interactions were logged in the {@code weeks} weeks up to the last
     *         one: the customer used to be in regular contact
     */
    public boolean hadRegularContact(int weeks, int min) {
        return engagement != null && engagement.minutes.size() >= min && Windows.countSince(engagement.minutes,
                engagement.minutes.getLast() - weeks * 7 * Times.DAY_MINUTES) >= min;
    }

    /**
     * @param days a number of days
     * @return the instant {@code days} after the last interaction (or after creation when there was none)
     */
    public Instant daysAfterLastInteraction(int days) {
        return Instant.ofEpochMilli((engagement == null ? createdAt : engagement.lastAt) + days * Times.DAY_MILLIS);
    }

    /**
     * @param days a number of days
     * @return the instant {@code days} after a rep last reached the customer (or after creation when never)
     */
    public Instant daysAfterLastContact(int days) {
        long last = engagement == null || engagement.lastRepContactAt == Times.NEVER ? createdAt
                : engagement.lastRepContactAt;
        return Instant.ofEpochMilli(last + days * Times.DAY_MILLIS);
    }

    /** See {@link #lastSurvey}. Written by the engine only. */
    protected static final class LastSurvey {
        /** NPS 0-10 and CSAT 1-5, -1 when not asked. */
        public byte nps = -1;
        public byte csat = -1;
        public Review review;
        /** When answered, epoch millis, or {@link Times#NEVER}. */
        public long at = Times.NEVER;

        /** Allocated by the engine when a profile first needs one of these fields. */
        public LastSurvey() {
        }
    }
}
