package dev.custflow.test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custflow.Json;
import dev.custflow.Rejection;
import dev.custflow.action.Action;
import dev.custflow.model.CustomerProfile;
import dev.custflow.spi.AuditEntry;
import dev.custflow.text.DisplayWidth;
import dev.custflow.text.Wording;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a {@link Scenario} did, compared with what it expected: the actions matched, the expected
 * ones missing (each with the closest actual action of its type and the fields that differ), the
 * unexpected ones, the events rejected, and what the policy gate held back.
 *
 * @param scenario   the scenario
 * @param actual     the actions checked, in the order the engine emitted them
 * @param missing    expected actions no actual action matched
 * @param mismatches for some missing ones, the closest actual action of the same type and how it differs
 * @param unexpected actual actions no expectation matched (a failure only when others are not allowed)
 * @param rejections events the engine rejected (always a failure)
 * @param held       audit entries of the checked steps that the policy gate SUPPRESSED or DEFERRED
 * @param customers  each customer a missing expectation names, as the rules saw it at the end (stage and how it got
 *                   there, orders, tags...): the facts that kept a rule from matching
 * @param locale     the language of {@link #report} and of {@code customers}: Chinese ({@code zh-CN}) or English
 */
public record ScenarioResult(Scenario scenario, List<Action> actual, List<ExpectedAction> missing,
                             List<Mismatch> mismatches, List<Action> unexpected, List<Rejection> rejections,
                             List<AuditEntry> held, List<String> customers, Locale locale) {

    /**
     * A result reported in English.
     *
     * @param scenario   the scenario
     * @param actual     the actions checked
     * @param missing    expected actions no actual action matched
     * @param mismatches the closest actual action of some missing ones
     * @param unexpected actual actions no expectation matched
     * @param rejections events the engine rejected
     * @param held       what the policy gate held back
     * @param customers  the customers missing expectations name, as the rules saw them
     */
    public ScenarioResult(Scenario scenario, List<Action> actual, List<ExpectedAction> missing,
                          List<Mismatch> mismatches, List<Action> unexpected, List<Rejection> rejections,
                          List<AuditEntry> held, List<String> customers) {
        this(scenario, actual, missing, mismatches, unexpected, rejections, held, customers, Locale.ENGLISH);
    }

    /** Copies the lists; the locale must be one there is wording for. */
    public ScenarioResult {
        locale = Wording.supported(locale);
        customers = List.copyOf(customers);
        actual = List.copyOf(actual);
        missing = List.copyOf(missing);
        mismatches = List.copyOf(mismatches);
        unexpected = List.copyOf(unexpected);
        rejections = List.copyOf(rejections);
        held = List.copyOf(held);
    }

    /**
     * An expected action that was not found, next to the actual action of its type that came closest.
     *
     * @param expected    the expectation
     * @param closest     the actual action with the fewest differing fields
     * @param differences one line per differing field, e.g. {@code level: expected HIGH, was MEDIUM}
     */
    public record Mismatch(ExpectedAction expected, Action closest, List<String> differences) {
        /** Copies the list. */
        public Mismatch {
            differences = List.copyOf(differences);
        }
    }

    /** @return true when every expected action was found, no event was rejected and no unwanted action came */
    public boolean passed() {
        return missing.isEmpty() && rejections.isEmpty() && (scenario.othersAllowed() || unexpected.isEmpty());
    }

    /** Matches expectations to actions, one to one, as many as possible (so a loose expectation cannot steal the
     * action a stricter one needs). */
    static ScenarioResult compare(Scenario scenario, List<Action> actual, List<Rejection> rejections,
                                  List<AuditEntry> held, Function<String, Optional<CustomerProfile>> profiles,
                                  Locale locale) {
        Wording w = wording(locale);
        List<ExpectedAction> expected = scenario.expected();
        int[] actionOf = new int[expected.size()];
        int[] expectationOf = new int[actual.size()];
        Arrays.fill(actionOf, -1);
        Arrays.fill(expectationOf, -1);
        for (int e = 0; e < expected.size(); e++) {
            augment(e, expected, actual, actionOf, expectationOf, new boolean[actual.size()]);
        }
        List<ExpectedAction> missing = new ArrayList<>();
        List<Action> unexpected = new ArrayList<>();
        for (int e = 0; e < expected.size(); e++) {
            if (actionOf[e] < 0) {
                missing.add(expected.get(e));
            }
        }
        for (int a = 0; a < actual.size(); a++) {
            if (expectationOf[a] < 0) {
                unexpected.add(actual.get(a));
            }
        }
        List<Mismatch> mismatches = new ArrayList<>();
        List<Action> unpaired = new ArrayList<>(unexpected);
        for (ExpectedAction m : missing) {
            Mismatch best = null;
            for (Action a : unpaired) {
                if (a.type().equals(m.type())) {
                    List<String> d = m.differences(a);
                    if (best == null || d.size() < best.differences().size()) {
                        best = new Mismatch(m, a, d);
                    }
                }
            }
            if (best != null) {
                mismatches.add(best);
                unpaired.remove(best.closest());
            }
        }
        List<String> customers = missing.stream().map(e -> e.fields().get("customerId")).filter(Objects::nonNull)
                .map(String::valueOf).distinct()
                .map(id -> profiles.apply(id).map(c -> facts(c, w)).orElse(w.text("facts.unknown", id)))
                .toList();
        return new ScenarioResult(scenario, actual, missing, mismatches, unexpected, rejections, held, customers,
                w.locale());
    }

    /**
     * @return the facts rules most often test, e.g. {@code C-1: stage LOYAL 忠诚客户 (CUSTOMER -> LOYAL), 2 orders,
     *         1700.00 spent, last order 2024-03-10T09:00:00Z, score 0}: a second order makes a CUSTOMER LOYAL, so a
     *         rule for CUSTOMERs with 2 orders rarely matches, and this line shows why
     */
    static String facts(CustomerProfile c, Wording w) {
        List<String> parts = new ArrayList<>();
        StringBuilder stage = new StringBuilder(c.stage() == null ? w.text("facts.noStage")
                : c.stage().name() + " " + c.stage().chinese());
        if (!c.stageHistory().isEmpty()) {
            List<String> path = new ArrayList<>();
            path.add(c.stageHistory().get(0).from() == null ? w.text("facts.new")
                    : c.stageHistory().get(0).from().name());
            c.stageHistory().forEach(h -> path.add(h.to().name()));
            stage.append(" (").append(String.join(" -> ", path)).append(')');
        }
        parts.add(w.text("facts.stage", c.id(), stage));
        parts.add(w.text(c.orderCount() == 1 ? "facts.orders.one" : "facts.orders.other", c.orderCount()));
        if (c.orderCount() > 0) {
            parts.add(w.text("facts.spent", c.totalSpent().toPlainString(), c.lastOrderAt()));
        }
        parts.add(w.text("facts.score", c.score()));
        if (c.segment() != null) {
            parts.add(w.text("facts.segment", c.segment().name()));
        }
        if (!c.tags().isEmpty()) {
            parts.add(w.text("facts.tags", new java.util.TreeSet<>(c.tags())));
        }
        if (c.openComplaints() > 0) {
            parts.add(w.text("facts.complaints", c.openComplaints()));
        }
        if (!c.openWarnings().isEmpty()) {
            parts.add(w.text("facts.warnings", c.openWarnings()));
        }
        return String.join(w.text("separator"), parts);
    }

    /** Kuhn's augmenting path: small inputs, exact answer. */
    private static boolean augment(int e, List<ExpectedAction> expected, List<Action> actual, int[] actionOf,
                                   int[] expectationOf, boolean[] seen) {
        for (int a = 0; a < actual.size(); a++) {
            if (!seen[a] && expected.get(e).matches(actual.get(a))) {
                seen[a] = true;
                if (expectationOf[a] < 0 || augment(expectationOf[a], expected, actual, actionOf, expectationOf, seen)) {
                    actionOf[e] = a;
                    expectationOf[a] = e;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The failure report: expected against actual, what is missing, mismatched or unexpected, the rules that
     * fired and what the policy gate held back. Every line starts with {@code indent}.
     *
     * @param indent put in front of every line
     * @return the report, ending with a line break; empty when the scenario passed
     */
    public String report(String indent) {
        if (passed()) {
            return "";
        }
        Wording w = wording(locale);
        StringBuilder sb = new StringBuilder();
        if (!rejections.isEmpty()) {
            sb.append(indent).append(w.text("rejected.heading")).append('\n');
            rejections.forEach(r -> sb.append(indent).append("  ! ").append(r.message().replace("\n", " "))
                    .append('\n'));
        }
        Map<ExpectedAction, Mismatch> mismatchOf = new LinkedHashMap<>();
        mismatches.forEach(m -> mismatchOf.put(m.expected(), m));
        sb.append(indent).append(w.text(scenario.othersAllowed() ? "expected.othersAllowed" : "expected.noOthers"))
                .append('\n');
        if (scenario.expected().isEmpty()) {
            sb.append(indent).append("    ").append(w.text("expected.none")).append('\n');
        }
        for (ExpectedAction e : scenario.expected()) {
            boolean found = !missing.contains(e);
            sb.append(indent).append(mark(w, found ? "mark.ok" : "mark.missing")).append(describe(e, w)).append('\n');
            Mismatch m = mismatchOf.get(e);
            if (m != null) {
                sb.append(indent).append(" ".repeat(11)).append(w.text("mark.closest")).append(' ')
                        .append(describe(m.closest())).append('\n');
                e.differences(m.closest(), w).forEach(d -> sb.append(indent).append(" ".repeat(13)).append(d)
                        .append('\n'));
            }
        }
        if (!unexpected.isEmpty()) {
            List<Action> close = mismatches.stream().map(Mismatch::closest).toList();
            List<Action> others = unexpected.stream().filter(a -> !close.contains(a)).toList();
            if (!others.isEmpty()) {
                sb.append(indent).append(w.text(scenario.othersAllowed() ? "others.allowed" : "others.unexpected"))
                        .append('\n');
                others.forEach(a -> sb.append(indent).append(mark(w, scenario.othersAllowed() ? "mark.other"
                        : "mark.unexpected")).append(describe(a)).append('\n'));
            }
        }
        sb.append(indent).append(w.text(actual.size() == 1 ? "actual.one" : "actual.other", actual.size()));
        Map<String, Long> rules = actual.stream().collect(Collectors.groupingBy(Action::rule, LinkedHashMap::new,
                Collectors.counting()));
        sb.append(rules.isEmpty() ? "" : w.text("actual.rulesFired")).append('\n');
        rules.forEach((rule, n) -> sb.append(indent).append("  ").append(rule).append(n > 1 ? " (x" + n + ")" : "")
                .append('\n'));
        if (!customers.isEmpty()) {
            sb.append(indent).append(w.text("customers.heading")).append('\n');
            customers.forEach(c -> sb.append(indent).append("  ").append(c).append('\n'));
        }
        if (!held.isEmpty()) {
            sb.append(indent).append(w.text("held.heading")).append('\n');
            held.forEach(h -> sb.append(indent).append("  ").append(h.outcome()).append(' ').append(h.actionType())
                    .append(' ').append(h.customerId()).append(" [").append(h.rule()).append("]: ").append(h.note())
                    .append(h.until() == null ? "" : " " + w.text("held.until", h.until())).append('\n'));
        }
        return sb.toString();
    }

    /** @return a line's mark (ok, MISSING...) in the first columns, padded by display width so lines stay aligned */
    private static String mark(Wording w, String key) {
        return "  " + DisplayWidth.padRight(w.text(key), 8) + " ";
    }

    /** @param e an expectation @return its type and fields, as a rule author wrote them */
    private static String describe(ExpectedAction e, Wording w) {
        if (e.fields().isEmpty()) {
            return e.type();
        }
        return e.type() + " " + e.fields().entrySet().stream()
                .map(f -> f.getKey() + "=" + (f.getValue() == null ? w.text("absent") : f.getValue()))
                .collect(Collectors.joining(", "));
    }

    static Wording wording(Locale locale) {
        return Wording.of(ScenarioResult.class, "scenario", locale);
    }

    /** @param a an action @return its type and fields (no id, time or reason), then its rule */
    static String describe(Action a) {
        ObjectNode json = Json.mapper().valueToTree(a);
        json.remove(List.of("type", "id", "at", "rule", "reason"));
        List<String> parts = new ArrayList<>();
        json.fields().forEachRemaining(f -> parts.add(f.getKey() + "=" + (f.getValue().isValueNode()
                ? f.getValue().asText() : f.getValue().toString())));
        return a.type() + " " + String.join(", ", parts) + "  [" + a.rule() + "]";
    }

    /** @return the actions' rules in the order they first fired, each once */
    public List<String> rulesFired() {
        return Collections.unmodifiableList(actual.stream().map(Action::rule).distinct().toList());
    }
}
