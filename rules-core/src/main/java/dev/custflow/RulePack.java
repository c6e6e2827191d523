package dev.custflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in rule packs, one DRL file each under {@code dev/custflow/rules/<pack>/<pack>.drl}.
 * Every pack can be switched off (builder or settings); the rule names start with the pack name.
 */
public enum RulePack {
    /** Lifecycle stages (RULES-CATALOG.md §1). */
    LIFECYCLE,
    /** Lead scoring: fit and decaying behaviour points, grades, the high-quality tag (RULES-CATALOG.md §3). */
    SCORING,
    /** A lead with budget, authority, need and timeline confirmed becomes an opportunity (RULES-CATALOG.md §5). */
    OPPORTUNITY,
    /** Churn warnings, one per cause, and the weekly at-risk digest per rep (RULES-CATALOG.md §7). */
    CHURN,
    /** Marketing triggers: onboarding, win-back, cross-sell, recommendations (RULES-CATALOG.md §10). */
    MARKETING,
    /** Follow-ups, birthdays, renewals, revisits, ticket timeouts and escalations (RULES-CATALOG.md §8). */
    REMINDERS,
    /** RFM scores, segments and buying-frequency tags (RULES-CATALOG.md §9). */
    SEGMENTS,
    /** Super users invited to refer, and referral rewards (RULES-CATALOG.md §11). */
    ADVOCACY,
    /** Lead de-duplication: a lead matching a known person by phone, e-mail or company is merged (RULES-CATALOG.md §2). */
    LEADS,
    /** Lead assignment by the routing table, the first-response SLA, escalation and reassignment (RULES-CATALOG.md §4). */
    ASSIGNMENT;

    /** @return the pack's name as used in settings, rule names and file names, e.g. {@code lifecycle} */
    public String packName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the classpath resource of the pack's DRL file */
    public String resource() {
        return "dev/custflow/rules/" + packName() + "/" + packName() + ".drl";
    }

    /**
     * @param name a pack name in any case, e.g. {@code lifecycle}
     * @return the pack, if there is one by that name
     */
    public static Optional<RulePack> byName(String name) {
        return Arrays.stream(values()).filter(p -> p.packName().equalsIgnoreCase(name.strip())).findFirst();
    }
}
