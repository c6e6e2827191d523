package dev.custflow.rules;

import dev.custflow.model.Customer;
import dev.custflow.model.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;

/**
 * Working time, as rules see it through the global {@code workingTime}: deadlines counted on the working
 * calendar of a customer's owner (settings.calendars: the rep's own, else the rep's team's, else the default;
 * a customer without an owner uses the default). Closed hours, weekends and public holidays do not count, and
 * an adjusted working day (调休) does.
 *
 * <pre>
 * $t : OpenTicket( workingTime.hoursSince($c, openedAt) &gt;= settings.reminders.ticketResponseHours ) from $c.openTickets
 * ...
 * schedule.wakeAt($c, workingTime.plusHours($c, $t.getOpenedAt(), settings.reminders().ticketResponseHours()));
 * </pre>
 */
public interface WorkingTime {

    /**
     * @param customer a customer
     * @return the calendar of its owner, or the default calendar when it has none
     */
    WorkingCalendar of(Customer customer);

    /**
     * @param customer whose owner's calendar counts
     * @param from     where to start
     * @param minutes  working minutes to add
     * @return when that much working time has passed
     */
    default Instant plus(Customer customer, Instant from, long minutes) {
        return of(customer).plusWorking(from, Duration.ofMinutes(minutes));
    }

    /**
     * @param customer whose owner's calendar counts
     * @param from     where to start
     * @param hours    working hours to add
     * @return when that much working time has passed
     */
    default Instant plusHours(Customer customer, Instant from, long hours) {
        return of(customer).plusWorking(from, Duration.ofHours(hours));
    }

    /**
     * @param customer whose owner's calendar counts, at whose clock ({@link Customer#getNow()}) the count ends
     * @param from     where the count starts
     * @return whole working hours from {@code from} to the engine's clock
     */
    default long hoursSince(Customer customer, Instant from) {
        return of(customer).workingBetween(from, customer.getNow()).toHours();
    }

    /**
     * @param customer a customer
     * @return true if its owner (or the default calendar) is at work at the engine's clock
     */
    default boolean isOpen(Customer customer) {
        return of(customer).isOpen(customer.getNow());
    }
}
