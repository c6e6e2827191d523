package dev.custflow.settings;

import dev.custflow.model.InteractionKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lead assignment and the first-response SLA (docs/design/rules-catalog.md §4): the routing table a sales manager edits.
 *
 * <p>A captured lead goes down the table and takes the first route whose conditions it meets and that has a
 * rep to give it: a rep who is available (not on leave) and below capacity (open leads). A route with no such
 * rep is passed over for the next one. The default table: high-quality leads (the scoring pack's tag) to the
 * key-account team, grade A leads to senior reps, then the rep of the lead's region, then round robin over
 * everyone, so no lead waits while any rep has room.
 *
 * @param firstResponseMinutes an assigned lead must see a call, meeting, chat or visit within this many minutes
 *                             (default 5); otherwise SLA_ESCALATED
 * @param reassignAfterMinutes this many minutes after the escalation without a response, the lead is
 *                             reassigned to the next candidate (default 30)
 * @param maxReassignments     how many times one lead may be taken from a rep who did not respond (default 1); the
 *                             new rep gets a new response window, and is escalated if it misses it too; 0: never
 * @param responseKinds        the interactions that count as a first response (default CALL, MEETING, CHAT, VISIT)
 * @param routes               the routing table, first match wins
 */
public record AssignmentSettings(int firstResponseMinutes, int reassignAfterMinutes, int maxReassignments,
                                 List<InteractionKind> responseKinds, List<Route> routes) {

    /** How a route picks among the reps it may use. */
    public enum Strategy {
        /** Reps whose region is the lead's region; the least loaded of them. */
        REGION,
        /** Reps who cover the lead's industry; the least loaded of them. */
        INDUSTRY,
        /** The route's reps in turn (by rep id), skipping those who are away or full. */
        ROUND_ROBIN,
        /** The rep with the lowest share of capacity in use (open leads / capacity), then the fewest open leads. */
        LEAST_LOADED,
        /** Senior reps; the least loaded of them. */
        SENIOR,
        /** The key-account team (the route's team, default KEY_ACCOUNTS); the least loaded of them. */
        KEY_ACCOUNT
    }

    /**
     * One line of the routing table: when it applies (every condition given must hold; none given: always)
     * and how it picks the rep.
     *
     * @param name             the route's name, shown in LEAD_ASSIGNED (strategy name when left out)
     * @param strategy         how the rep is picked
     * @param team             only reps of this team (KEY_ACCOUNT: default KEY_ACCOUNTS; others: any team)
     * @param channels         the lead came from one of these channels
     * @param regions          the lead's region is one of these
     * @param industries       the lead's industry is one of these
     * @param companySizeAbove the lead's company has more employees than this
     * @param minScore         the lead's score is at least this (the scoring pack's score at capture)
     * @param grades           the lead's grade is one of these
     * @param tags             the lead has one of these tags (e.g. the scoring pack's {@code high-quality})
     */
    public record Route(String name, Strategy strategy, String team, List<String> channels, List<String> regions,
                        List<String> industries, Integer companySizeAbove, Integer minScore, List<String> grades,
                        List<String> tags) {

        /** Validates the route and fills what was left out. */
        public Route {
            if (strategy == null) {
                throw new InvalidSettingsException("assignment.routes[].strategy", null,
                        "missing: every route needs one of " + List.of(Strategy.values()));
            }
            name = name == null || name.isBlank() ? strategy.name().toLowerCase(Locale.ROOT).replace('_', '-')
                    : name.strip();
            team = team == null || team.isBlank() ? (strategy == Strategy.KEY_ACCOUNT ? "KEY_ACCOUNTS" : null)
                    : team.strip();
            channels = list(channels);
            regions = list(regions);
            industries = list(industries);
            grades = list(grades);
            tags = list(tags);
            if (companySizeAbove != null && companySizeAbove < 0) {
                throw new InvalidSettingsException("assignment.routes." + name + ".companySizeAbove",
                        companySizeAbove, "must not be negative");
            }
        }

        /**
         * @param name     the route's name
         * @param strategy how the rep is picked
         * @return a route that always applies
         */
        public static Route always(String name, Strategy strategy) {
            return new Route(name, strategy, null, null, null, null, null, null, null, null);
        }

        private static List<String> list(List<String> given) {
            return given == null ? List.of() : List.copyOf(given);
        }
    }

    /** Validates the values and fills what was left out with defaults. */
    public AssignmentSettings {
        InvalidSettingsException.range("assignment.firstResponseMinutes", firstResponseMinutes, 1, 10_080);
        InvalidSettingsException.range("assignment.reassignAfterMinutes", reassignAfterMinutes, 1, 10_080);
        InvalidSettingsException.range("assignment.maxReassignments", maxReassignments, 0, 100);
        responseKinds = responseKinds == null ? List.of(InteractionKind.CALL, InteractionKind.MEETING,
                InteractionKind.CHAT, InteractionKind.VISIT) : List.copyOf(responseKinds);
        for (InteractionKind k : responseKinds) {
            if (!k.isRepContact()) {
                throw new InvalidSettingsException("assignment.responseKinds", k,
                        "is the customer's own engagement, not a rep's response; use rep contacts such as CALL");
            }
        }
        routes = routes == null ? defaultRoutes() : List.copyOf(routes);
        Set<String> names = new HashSet<>();
        for (Route r : routes) {
            if (!names.add(r.name())) {
                throw new InvalidSettingsException("assignment.routes", r.name(),
                        "two routes have this name; LEAD_ASSIGNED names the route, so each needs its own");
            }
        }
    }

    private static List<Route> defaultRoutes() {
        List<Route> r = new ArrayList<>();
        r.add(new Route("key-accounts", Strategy.KEY_ACCOUNT, "KEY_ACCOUNTS", null, null, null, null, null, null,
                List.of("high-quality")));
        r.add(new Route("senior-for-grade-a", Strategy.SENIOR, null, null, null, null, null, null, List.of("A"),
                null));
        r.add(Route.always("by-region", Strategy.REGION));
        r.add(Route.always("round-robin", Strategy.ROUND_ROBIN));
        return List.copyOf(r);
    }

    /** @return the catalog defaults */
    public static AssignmentSettings ofDefaults() {
        return new AssignmentSettings(5, 30, 1, null, null);
    }
}
