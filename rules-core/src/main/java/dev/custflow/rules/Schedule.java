package dev.custflow.rules;

import dev.custflow.model.Customer;
import java.time.Instant;

/**
 * The due-time index, as rules see it through the global {@code schedule}. A time rule ("no order
 * for 180 days") pairs with a low-salience rule that says when the customer must be looked at
 * again; the engine wakes the customer at the earliest such instant, from a ClockTick or a later
 * event, and never scans customers that are not due.
 *
 * <p>Wake-ups are recomputed every time the customer's rules run: ask again on every evaluation
 * for as long as the time rule can still fire.
 */
public interface Schedule {

    /**
     * Asks the engine to run this customer's rules again at {@code when}. Instants at or before the
     * current clock are ignored (the rules already saw that time).
     *
     * @param customer the customer
     * @param when     when a time rule may change its mind
     */
    void wakeAt(Customer customer, Instant when);
}
