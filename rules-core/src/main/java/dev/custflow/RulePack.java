package dev.custflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in rule packs, one DRL file each under {@code dev/custflow/rules/<pack>/<pack>.drl}.
 * Every pack can be switched off (builder or settings); the rule names start with the pack name.
 */
public enum RulePack {
    /** Lifecycle stages (docs/design/rules-catalog.md §1). */
    LIFECYCLE,
    /** Lead scoring: fit and decaying behaviour points, grades, the high-quality tag (docs/design/rules-catalog.md §3). */
    SCORING,
    /** A lead with budget, authority, need and timeline confirmed becomes an opportunity (docs/design/rules-catalog.md §5). */
    OPPORTUNITY,
    /** Churn warnings, one per cause, and the weekly at-risk digest per rep (docs/design/rules-catalog.md §7). */
    CHURN,
    /** Marketing triggers: onboarding, win-back, cross-sell, recommendations (docs/design/rules-catalog.md §10). */
    MARKETING,
    /** Follow-ups, birthdays, renewals, revisits, ticket timeouts and escalations (docs/design/rules-catalog.md §8). */
    REMINDERS,
    /** RFM scores, segments and buying-frequency tags (docs/design/rules-catalog.md §9). */
    SEGMENTS,
    /** Super users invited to refer, and referral rewards (docs/design/rules-catalog.md §11). */
    ADVOCACY,
    /** Lead de-duplication: a lead matching a known person by phone, e-mail or company is merged (docs/design/rules-catalog.md §2). */
    LEADS,
    /** Lead assignment by the routing table, the first-response SLA, escalation and reassignment (docs/design/rules-catalog.md §4). */
    ASSIGNMENT,
    /** Fulfilment and payment: invoices, stock, production or purchase, shipment, late deliveries, overdue
     *  invoices, partial payments and credit limits (docs/design/rules-catalog.md §6). */
    FULFILMENT;

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
