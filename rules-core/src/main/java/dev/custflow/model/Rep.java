package dev.custflow.model;

import dev.custflow.event.RepUpdated;
import java.util.List;
import java.util.Objects;

/**
 * A sales rep, as rules see it: team, region, industries, seniority, capacity and availability.
 * Reps are facts in every partition; {@code RepUpdated} events keep them current.
 */
public final class Rep {
    private final String id;
    private String name;
    private String team;
    private String region;
    private List<String> industries = List.of();
    private boolean senior;
    private int capacity = Integer.MAX_VALUE;
    private boolean available = true;

    /** @param id the rep id */
    public Rep(String id) {
        this.id = Objects.requireNonNull(id, "id").intern();
    }

    /**
     * Folds a rep update in; fields left out keep their value. Engine use only.
     *
     * @param e the update
     */
    public void apply(RepUpdated e) {
        if (e.name() != null) {
            name = e.name();
        }
        if (e.team() != null) {
            team = e.team().intern();
        }
        if (e.region() != null) {
            region = e.region().intern();
        }
        if (e.industries() != null) {
            industries = e.industries().stream().map(String::intern).toList();
        }
        if (e.senior() != null) {
            senior = e.senior();
        }
        if (e.capacity() != null) {
            capacity = e.capacity();
        }
        if (e.available() != null) {
            available = e.available();
        }
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
