package dev.custflow.insights.internal;

import dev.custflow.model.Stage;
import java.time.Instant;

/** What the book remembers of one customer to attribute its facts and list it. Not thread-safe. */
final class CustomerState {
    static final int[] NO_PARTNERS = new int[0];

    final String id;
    /** Owning rep (a name in the book's reps), or null. */
    String owner;
    String channel;
    String region;
    Stage stage;
    String segment;
    /** Partners (scope numbers) the customer is shared with now, sorted. */
    int[] partners = NO_PARTNERS;

    boolean lead;
    boolean mql;
    boolean prospect;
    boolean opportunity;
    boolean bought;
    boolean referred;
    /** A first response is awaited: assigned, neither answered nor escalated yet. */
    boolean slaPending;
    boolean slaDecided;
    long capturedAtSecond;

    /** Epoch days of the first and the last order, or Long.MIN_VALUE before the first. */
    long firstOrderDay = Long.MIN_VALUE;
    long lastOrderDay = Long.MIN_VALUE;
    Instant lastOrder;
    int orders;
    long revenueCents;

    /** Where its facts are counted now; null when something it depends on changed. */
    Attribution attribution;

    String name;
    String phone;
    String email;

    CustomerState(String id) {
        this.id = id;
    }

    /** @return which stock the customer is in for churn and win-back: 1 active, 2 dormant, 0 neither */
    int stock() {
        if (stage == null) {
            return 0;
        }
        return switch (stage) {
            case CUSTOMER, LOYAL, ADVOCATE -> 1;
            case DORMANT -> 2;
            default -> 0;
        };
    }

    boolean sharedWith(int partner) {
        return java.util.Arrays.binarySearch(partners, partner) >= 0;
    }
}
