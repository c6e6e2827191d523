package dev.custflow.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custflow.Json;
import dev.custflow.Rejection;
import dev.custflow.action.Action;
import dev.custflow.examples.internal.WhatIfText;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a {@link WhatIf} dry run found: the same history replayed with the base rules and with a
 * proposed change, and the difference. {@link #toText()} lays it out for a terminal, {@link
 * #toJson()} for machines.
 *
 * @param description       the history
 * @param baseLabel         what the base is (built-in rules and default settings, or a folder)
 * @param proposedLabel     what the change is (a rules folder)
 * @param zone              the time zone in which an action's day is counted (the base's settings)
 * @param withinDays        the window after a churn warning in which an order counts as "ordered again"
 * @param historyEnd        the time of the last event; warnings whose window runs past it are not judged
 * @param accepted          events accepted (by the base run; both runs are fed the same events)
 * @param rejected          events the base run rejected
 * @param duplicates        events the base run ignored as repeats
 * @param rejections        the base run's rejections
 * @param baseRules         rules loaded in the base
 * @param proposedRules     rules loaded with the change
 * @param rulesAdded        rule names only the proposed run has
 * @param rulesRemoved      rule names only the base has
 * @param settingsChanged   settings whose values differ, as dotted keys
 * @param baseActions       actions the base emitted
 * @param proposedActions   actions the proposed run emitted
 * @param added             actions the proposed run has and the base has not
 * @param removed           actions the base has and the proposed run has not
 * @param customersAffected customers with an action added or removed
 * @param changes           per type and rule with a difference: counts and the earliest examples
 * @param churnOutcomes     per churn cause with added or removed warnings: what the customers did next
 */
public record WhatIfReport(String description, String baseLabel, String proposedLabel, ZoneId zone, int withinDays,
                           Instant historyEnd, long accepted, long rejected, long duplicates,
                           List<Rejection> rejections, int baseRules, int proposedRules, List<String> rulesAdded,
                           List<String> rulesRemoved, List<SettingChange> settingsChanged, long baseActions,
                           long proposedActions, long added, long removed, int customersAffected,
                           List<Change> changes, List<ChurnOutcome> churnOutcomes) {

    /**
     * The actions of one rule (of one action type) that differ.
     *
     * @param type            the action type, e.g. CHURN_WARNING
     * @param rule            the rule's name
     * @param base            its actions in the base run
     * @param proposed        its actions in the proposed run
     * @param added           actions only the proposed run has
     * @param removed         actions only the base has
     * @param addedExamples   the earliest added actions, as the proposed run emitted them
     * @param removedExamples the earliest removed actions, as the base emitted them
     */
    public record Change(String type, String rule, long base, long proposed, long added, long removed,
                         List<Action> addedExamples, List<Action> removedExamples) {
    }

    /**
     * Churn warnings of one side of the difference, against what the customers did next.
     *
     * @param warnings      the warnings
     * @param judged        of those, the ones at least {@code withinDays} before the end of the history
     * @param orderedWithin of the judged, those whose customer placed an order within {@code withinDays} after
     */
    public record OrderedAgain(long warnings, long judged, long orderedWithin) {
        /** @return the share of judged warnings followed by an order, or NaN when none could be judged */
        public double share() {
            return judged == 0 ? Double.NaN : (double) orderedWithin / judged;
        }
    }

    /**
     * The added and removed warnings of one churn cause. A warning is compared by its day, so a
     * warning that only comes earlier (a lower threshold) is one added and one removed; {@code
     * addedNew} and {@code removedOnly} leave those out: they are the warnings during whose open
     * stretch (from the warning to its clearing) the other run had no warning of that cause at all.
     *
     * @param cause       e.g. NO_ORDER_LONG
     * @param added       warnings the change adds (by day)
     * @param addedNew    of those, warnings the base does not raise for that stretch at all
     * @param removed     warnings the change removes (by day)
     * @param removedOnly of those, warnings the proposed run does not raise for that stretch at all
     */
    public record ChurnOutcome(String cause, OrderedAgain added, OrderedAgain addedNew, OrderedAgain removed,
                               OrderedAgain removedOnly) {
        /** @return added warnings that the base raises too for the same stretch, on another day */
        public long addedMoved() {
            return added.warnings() - addedNew.warnings();
        }

        /** @return removed warnings that the proposed run raises too for the same stretch, on another day */
        public long removedMoved() {
            return removed.warnings() - removedOnly.warnings();
        }
    }

    /**
     * A setting whose value differs.
     *
     * @param key      the dotted key, e.g. {@code churn.longNoOrderDays}
     * @param base     its value in the base, as text (null when absent)
     * @param proposed its value with the change
     */
    public record SettingChange(String key, String base, String proposed) {
    }

    /** Copies the lists. */
    public WhatIfReport {
        rejections = List.copyOf(rejections);
        rulesAdded = List.copyOf(rulesAdded);
        rulesRemoved = List.copyOf(rulesRemoved);
        settingsChanged = List.copyOf(settingsChanged);
        changes = List.copyOf(changes);
        churnOutcomes = List.copyOf(churnOutcomes);
    }

    /**
     * @param type an action type
     * @param rule a rule name
     * @return the change of that rule's actions of that type, or null when they are the same in both runs
     */
    public Change change(String type, String rule) {
        return changes.stream().filter(c -> c.type().equals(type) && c.rule().equals(rule)).findFirst().orElse(null);
    }

    /**
     * @param cause a churn cause
     * @return its outcome, or null when the change adds and removes no warning of that cause
     */
    public ChurnOutcome churnOutcome(String cause) {
        return churnOutcomes.stream().filter(o -> o.cause().equals(cause)).findFirst().orElse(null);
    }

    /** @return the report laid out for a terminal: header, changes by type and rule, churn outcomes, examples */
    public String toText() {
        return WhatIfText.format(this);
    }

    /**
     * @param locale the reader's language: Chinese ({@code zh-CN}) or English; the numbers are the same in both
     * @return the report laid out for a terminal in that language
     * @throws IllegalArgumentException if the locale is neither Chinese nor English
     */
    public String toText(java.util.Locale locale) {
        return WhatIfText.format(this, locale);
    }

    /** @return the report as one JSON object (pretty-printed); examples are actions in their JSON form */
    public String toJson() {
        ObjectMapper m = Json.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("history", description);
        root.put("base", baseLabel);
        root.put("proposed", proposedLabel);
        root.put("zone", zone.getId());
        root.put("withinDays", withinDays);
        root.put("historyEnd", historyEnd.toString());
        ObjectNode events = root.putObject("events");
        events.put("accepted", accepted);
        events.put("rejected", rejected);
        events.put("duplicates", duplicates);
        ObjectNode rules = root.putObject("rules");
        rules.put("base", baseRules);
        rules.put("proposed", proposedRules);
        rulesAdded.forEach(rules.putArray("added")::add);
        rulesRemoved.forEach(rules.putArray("removed")::add);
        ArrayNode settings = root.putArray("settingsChanged");
        for (SettingChange s : settingsChanged) {
            settings.addObject().put("key", s.key()).put("base", s.base()).put("proposed", s.proposed());
        }
        ObjectNode actions = root.putObject("actions");
        actions.put("base", baseActions);
        actions.put("proposed", proposedActions);
        actions.put("added", added);
        actions.put("removed", removed);
        actions.put("customersAffected", customersAffected);
        ArrayNode byRule = root.putArray("changes");
        try {
            for (Change c : changes) {
                ObjectNode n = byRule.addObject();
                n.put("type", c.type()).put("rule", c.rule()).put("base", c.base()).put("proposed", c.proposed())
                        .put("added", c.added()).put("removed", c.removed());
                ArrayNode a = n.putArray("addedExamples");
                for (Action x : c.addedExamples()) {
                    a.add(m.readTree(Json.write(x)));
                }
                ArrayNode r = n.putArray("removedExamples");
                for (Action x : c.removedExamples()) {
                    r.add(m.readTree(Json.write(x)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write an action as JSON", e);
        }
        ArrayNode churn = root.putArray("churnOutcomes");
        for (ChurnOutcome o : churnOutcomes) {
            ObjectNode n = churn.addObject();
            n.put("cause", o.cause());
            side(n.putObject("added"), o.added());
            side(n.putObject("addedNew"), o.addedNew());
            side(n.putObject("removed"), o.removed());
            side(n.putObject("removedOnly"), o.removedOnly());
        }
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the report as JSON", e);
        }
    }

    private static void side(ObjectNode n, OrderedAgain o) {
        n.put("warnings", o.warnings());
        n.put("judged", o.judged());
        n.put("orderedWithin", o.orderedWithin());
        if (o.judged() > 0) {
            n.put("share", Math.round(o.share() * 10_000) / 10_000.0);
        } else {
            n.putNull("share");
        }
    }
}
