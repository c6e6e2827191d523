package dev.custflow.internal.packs;

import dev.custflow.model.WorkingCalendar;
import dev.custflow.settings.CalendarSettings;
import dev.custflow.settings.Settings;
import java.time.ZoneId;
import java.util.Map;

/**
 * The working calendars of an engine, resolved once from the settings: which calendar a rep keeps (the rep's own,
 * else the team's, else the default).
 */
public final class Calendars {
    private final Map<String, WorkingCalendar> byName;
    private final WorkingCalendar standard;
    private final Map<String, String> teams;
    private final Map<String, String> reps;

    private Calendars(Map<String, WorkingCalendar> byName, String standard, Map<String, String> teams,
                      Map<String, String> reps) {
        this.byName = byName;
        this.standard = byName.get(standard);
        this.teams = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER); // as routes match teams
        this.teams.putAll(teams);
        this.reps = reps;
    }

    /**
     * @return the calendars the settings define, the holiday files read
     * @throws dev.custflow.settings.InvalidSettingsException if a holiday file cannot be read or has a bad line
     */
    public static Calendars of(Settings s) {
        CalendarSettings c = s.calendars();
        return new Calendars(c.resolve(s.timeZone(), HolidayFiles.load(c.holidays())), c.defaultCalendar(), c.teams(),
                c.reps());
    }

    /** @return calendars that never close: working time is clock time (desks built without calendars) */
    public static Calendars aroundTheClock(ZoneId zone) {
        return new Calendars(Map.of("all", WorkingCalendar.aroundTheClock(zone)), "all", Map.of(), Map.of());
    }

    /** @return the default calendar */
    public WorkingCalendar standard() {
        return standard;
    }

    /**
     * @param repId a rep, or null
     * @param team  the rep's team, or null
     * @return the rep's calendar
     */
    public WorkingCalendar forRep(String repId, String team) {
        String name = repId == null ? null : reps.get(repId);
        if (name == null && team != null) {
            name = teams.get(team);
        }
        return name == null ? standard : byName.get(name);
    }
}
