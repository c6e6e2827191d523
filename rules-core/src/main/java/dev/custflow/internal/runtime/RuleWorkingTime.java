package dev.custflow.internal.runtime;

import dev.custflow.internal.packs.Calendars;
import dev.custflow.model.Customer;
import dev.custflow.model.Rep;
import dev.custflow.model.WorkingCalendar;
import dev.custflow.rules.WorkingTime;
import java.util.Map;

/** The {@code workingTime} global of a partition: a customer's owner's calendar, found by the rep's team. */
final class RuleWorkingTime implements WorkingTime {
    private final Calendars calendars;
    private final Map<String, ? extends Rep> reps;

    RuleWorkingTime(Calendars calendars, Map<String, ? extends Rep> reps) {
        this.calendars = calendars;
        this.reps = reps;
    }

    @Override
    public WorkingCalendar of(Customer customer) {
        String owner = customer.getOwnerId();
        if (owner == null) {
            return calendars.standard();
        }
        Rep r = reps.get(owner);
        return calendars.forRep(owner, r == null ? null : r.getTeam());
    }
}
