package dev.custflow.model;

import java.util.List;
import java.util.Objects;

/**
 * A sales rep, as rules see it: team, region, industries, seniority, capacity and availability.
 * Reps are facts in every partition; {@code RepUpdated} events keep them current. Rules only read a rep: the
 * engine's subclass folds the updates in.
 */
public abstract class Rep {
    protected final String id;
    protected String name;
    protected String team;
    protected String region;
    protected List<String> industries = List.of();
    protected boolean senior;
    protected int capacity = Integer.MAX_VALUE;
    protected boolean available = true;

    /**
     * Only the engine creates reps.
     *
     * @param id the rep id
     */
    protected Rep(String id) {
        this.id = Objects.requireNonNull(id, "id").intern();
    }

    /** @return the rep id */
    public String getId() {
        return id;
    }

    /** @return the name, or null */
    public String getName() {
        return name;
    }

    /** @return the team, or null */
    public String getTeam() {
        return team;
    }

    /** @return the region covered, or null */
    public String getRegion() {
        return region;
    }

    /** @return the industries covered */
    public List<String> getIndustries() {
        return industries;
    }

    /**
     * @param industry an industry
     * @return true if the rep covers it
     */
    public boolean covers(String industry) {
        return industry != null && industries.contains(industry);
    }

    /** @return true for a senior rep */
    public boolean isSenior() {
        return senior;
    }

    /** @return open leads the rep can hold */
    public int getCapacity() {
        return capacity;
    }

    /** @return false while on leave */
    public boolean isAvailable() {
        return available;
    }

    @Override
    public String toString() {
        return "Rep{" + id + ", team=" + team + ", region=" + region + "}";
    }
}
