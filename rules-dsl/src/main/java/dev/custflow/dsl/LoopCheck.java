package dev.custflow.dsl;

import dev.custflow.RuleMessage;
import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultExpander;

/**
 * Finds rules that would loop, before they run. The customer fact is class-reactive: every action that changes it
 * (a tag, a note, a stage, a segment, a churn warning) makes every rule whose conditions still hold fire again. So
 * <ul>
 *   <li>a rule that changes something without its conditions excluding the state it produces (adds the tag
 *       {@code x} without {@code !hasTag("x")}, moves to LOYAL without a condition on the stage) fires a second
 *       time after its own change: a warning, since anything else in it repeats;</li>
 *   <li>two rules that set the same thing to different values (one adds the tag, the other removes it; one moves to
 *       LOYAL, the other away from it), each still matching in the state the other produces, and nothing in their
 *       conditions keeping them apart, undo each other until the engine stops them at 10,000 firings: a warning
 *       naming both. The partner may be a rule of a built-in pack.</li>
 * </ul>
 * The conditions read are the literal ones: {@code hasTag("x")}, {@code noted("k")}, {@code hasWarning("c")} with or
 * without {@code !}, and {@code stage} or {@code segment} compared with {@code ==}, {@code !=}, {@code in},
 * {@code not in}; any other condition that appears in one rule and negated in the other ({@code repEngaged} against
 * {@code !repEngaged}) keeps two rules apart. Actions with a computed tag or stage are not followed.
 */
final class LoopCheck {
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern WHEN = Pattern.compile("(?m)^\\s*when\\b");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");
    private static final Pattern END = Pattern.compile("(?m)^\\s*end\\b");
    private static final Pattern FLAG = Pattern.compile("(!\\s*)?\\b(hasTag|noted|hasWarning)\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern COMPARE = Pattern.compile("\\b(stage|segment)\\s*(==|!=)\\s*(?:[\\w.]*\\.)?([A-Z_]+|null)\\b");
    private static final Pattern IN = Pattern.compile("\\b(stage|segment)\\s+(not\\s+)?in\\s*\\(([^)]*)\\)");
    /** actions.x($c, "literal" or Enum.CONSTANT, ...): what the action sets. */
    private static final Pattern ACTION = Pattern.compile("\\bactions\\s*\\.\\s*(addTag|removeTag|note|forget|warnChurn|"
            + "clearChurn|changeStage|changeSegment|disqualifyLead)\\s*\\(\\s*[^,()]+,\\s*(\"[^\"]*\"|(?:[\\w.]*\\.)?"
            + "[A-Z_]+\\b)?");
    /** How the built-in DSL reaches the actions global. */
    private static final Pattern ACTIONS_GLOBAL = Pattern.compile("\\(\\s*\\(\\s*dev\\.custflow\\.rules\\.Actions\\s*\\)"
            + "\\s*drools\\.getKieRuntime\\(\\)\\.getGlobal\\(\"actions\"\\)\\s*\\)");
    /** A built-in churn cause ({@code ChurnCause.NO_ORDER}, {@code ChurnCause.NO_ORDER.name()}) means its name. */
    private static final Pattern CHURN_CAUSE = Pattern.compile("\\b(?:dev\\.custflow\\.model\\.)?ChurnCause\\.([A-Z_]+)"
            + "(?:\\s*\\.\\s*name\\(\\s*\\))?");
    private static final Pattern ATOM_SPLIT = Pattern.compile(",|&&");
    private static final List<String> BUILT_IN_DSL = List.of("dev/custflow/dsl/custflow-en.dsl",
            "dev/custflow/dsl/custflow-zh.dsl");

    private LoopCheck() {
    }

    /** What a rule's conditions allow a state to be: only these values (null: any) and none of those. */
    private record Allowed(Set<String> only, Set<String> not) {
        boolean holds(String value) {
            return (only == null || only.contains(value)) && !not.contains(value);
        }

        Allowed and(Allowed o) {
            Set<String> n = new HashSet<>(not);
            n.addAll(o.not);
            Set<String> on = only;
            if (o.only != null) {
                on = on == null ? new HashSet<>(o.only) : new HashSet<>(on);
                on.retainAll(o.only);
            }
            return new Allowed(on, n);
        }

        /** @return true if some value satisfies both (an open set always has one) */
        boolean meets(Allowed o) {
            Allowed both = and(o);
            return both.only == null || both.only.stream().anyMatch(v -> !both.not.contains(v));
        }
    }

    private record Effect(String key, String value, String says) {
    }

    private record Rule(String file, String name, int line, int column, boolean user, Map<String, Allowed> allowed,
                        Set<String> atoms, List<Effect> effects) {
        Allowed on(String key) {
            return allowed.getOrDefault(key, new Allowed(null, Set.of()));
        }

        String where() {
            return "rule \"" + name + "\" (" + file + ":" + line + ")";
        }
    }

    /**
     * @param sources    a rules folder's files (DRL, and DSLR expanded with the folder's DSL or the built-in one)
     * @param withErrors the files with errors, left out
     * @return a warning at each rule that would fire again after its own change, or undo another rule's
     */
    static List<RuleMessage> check(List<RuleSource> sources, Set<String> withErrors) {
        List<Rule> rules = new ArrayList<>();
        List<RuleSource> dsls = sources.stream().filter(s -> s.kind() == RuleSource.Kind.DSL).toList();
        for (RuleSource s : sources) {
            if (withErrors.contains(s.name())) {
                continue; // its errors come first; what it means is not known yet
            }
            if (s.kind() == RuleSource.Kind.DRL) {
                rules.addAll(parse(s.name(), s.text(), true));
            } else if (s.kind() == RuleSource.Kind.DSLR) {
                // the expander keeps the lines, not the columns: the rule's name is placed in the file as written
                String[] written = s.text().split("\n", -1);
                for (Rule r : parse(s.name(), expand(s, dsls), true)) {
                    int quote = r.line <= written.length ? written[r.line - 1].indexOf('"') : -1;
                    rules.add(quote < 0 ? r : new Rule(r.file, r.name, r.line, quote + 1, r.user, r.allowed, r.atoms,
                            r.effects));
                }
            }
        }
        List<Rule> all = new ArrayList<>(rules);
        Set<String> replaced = new HashSet<>();
        rules.forEach(r -> replaced.add(r.name));
        for (RulePack p : RulePack.values()) {
            parse(p.resource(), resource(p.resource()), false).stream().filter(r -> !replaced.contains(r.name))
                    .forEach(all::add);
        }
        List<RuleMessage> out = new ArrayList<>();
        for (Rule r : rules) {
            selfCheck(r, out);
        }
        Set<String> reported = new HashSet<>();
        for (Rule a : rules) {
            for (Rule b : all) {
                if (a != b && (b.user ? reported.add(pairKey(a, b)) : true)) {
                    pingPong(a, b, out);
                }
            }
        }
        return out;
    }

    private static String pairKey(Rule a, Rule b) {
        String x = a.file + ":" + a.line;
        String y = b.file + ":" + b.line;
        return x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x;
    }

    private static void selfCheck(Rule r, List<RuleMessage> out) {
        Map<String, String> last = new LinkedHashMap<>();
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (Effect e : r.effects) {
            last.put(e.key, e.value);
            values.computeIfAbsent(e.key, k -> new HashSet<>()).add(e.value);
        }
        Set<String> said = new HashSet<>();
        for (Effect e : r.effects) {
            if (!said.add(e.key)) {
                continue;
            }
            String end = last.get(e.key);
            if (values.get(e.key).size() > 1 && r.on(e.key).holds(end)) {
                out.add(warning(r, "rule \"" + r.name + "\" both sets and undoes " + subject(e.key) + " and still "
                        + "matches afterwards: every firing changes the customer, which fires it again, until the "
                        + "engine stops it at 10,000 firings"));
            } else if (!e.key.startsWith("warning:") && r.on(e.key).holds(e.value)) {
                out.add(warning(r, "rule \"" + r.name + "\" " + e.says + " but its conditions do not exclude "
                        + "customers already in that state: it matches again after its own change and fires a second "
                        + "time (a loop, if another rule undoes the change); add " + guard(e) + " to its conditions"));
            }
        }
    }

    private static void pingPong(Rule a, Rule b, List<RuleMessage> out) {
        for (Effect ea : a.effects) {
            for (Effect eb : b.effects) {
                if (!ea.key.equals(eb.key) || ea.value.equals(eb.value)) {
                    continue;
                }
                if (a.on(ea.key).holds(eb.value) && b.on(eb.key).holds(ea.value) && compatible(a, b, ea.key)) {
                    out.add(warning(a, a.where().replace(" (" + a.file + ":" + a.line + ")", "") + " " + ea.says
                            + " and " + b.where() + " " + eb.says + "; each still matches after the other's change "
                            + "and nothing in their conditions keeps them apart, so on a customer both match they "
                            + "undo each other until the engine stops at 10,000 firings"));
                    return;
                }
            }
        }
    }

    /** @return false if the two rules' conditions cannot hold together (apart from the state they fight over) */
    private static boolean compatible(Rule a, Rule b, String except) {
        for (Map.Entry<String, Allowed> e : a.allowed.entrySet()) {
            if (!e.getKey().equals(except) && b.allowed.containsKey(e.getKey())
                    && !e.getValue().meets(b.allowed.get(e.getKey()))) {
                return false;
            }
        }
        for (String atom : a.atoms) {
            if (b.atoms.contains(negate(atom))) {
                return false;
            }
        }
        return true;
    }

    private static String negate(String atom) {
        if (atom.startsWith("!(") && atom.endsWith(")")) {
            return atom.substring(2, atom.length() - 1);
        }
        return atom.startsWith("!") ? atom.substring(1) : "!" + atom;
    }

    private static String subject(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? "the " + key : key.substring(0, colon) + " \"" + key.substring(colon + 1) + "\"";
    }

    private static String guard(Effect e) {
        int colon = e.key.indexOf(':');
        if (colon < 0) {
            return e.key + " != " + e.value;
        }
        String fn = e.key.startsWith("tag:") ? "hasTag" : e.key.startsWith("note:") ? "noted" : "hasWarning";
        return (e.value.equals("true") ? "!" : "") + fn + "(\"" + e.key.substring(colon + 1) + "\")";
    }

    private static RuleMessage warning(Rule r, String message) {
        return new RuleMessage(r.file, r.line, r.column, RuleMessage.Severity.WARNING, message);
    }

    // ---------------------------------------------------------------- reading rules

    private static List<Rule> parse(String file, String text, boolean user) {
        String drl = CHURN_CAUSE.matcher(ACTIONS_GLOBAL.matcher(blankComments(text)).replaceAll("actions"))
                .replaceAll("\"$1\"");
        List<Rule> out = new ArrayList<>();
        Matcher m = RULE.matcher(drl);
        while (m.find()) {
            int start = m.end();
            Matcher when = WHEN.matcher(drl);
            Matcher then = THEN.matcher(drl);
            Matcher end = END.matcher(drl);
            if (!when.find(start) || !then.find(when.end()) || !end.find(then.end())) {
                continue;
            }
            String lhs = drl.substring(when.end(), then.start());
            String rhs = drl.substring(then.end(), end.start());
            int line = (int) drl.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
            int column = m.start(1) - drl.lastIndexOf('\n', m.start(1) - 1) - 1;
            out.add(new Rule(file, m.group(1), line, column, user, allowed(lhs), atoms(lhs), effects(rhs)));
        }
        return out;
    }

    private static Map<String, Allowed> allowed(String lhs) {
        Map<String, Allowed> out = new LinkedHashMap<>();
        Matcher f = FLAG.matcher(lhs);
        while (f.find()) {
            String key = (f.group(2).equals("hasTag") ? "tag:" : f.group(2).equals("noted") ? "note:" : "warning:")
                    + f.group(3);
            String value = f.group(1) == null ? "true" : "false";
            out.merge(key, new Allowed(Set.of(value), Set.of()), Allowed::and);
        }
        Matcher c = COMPARE.matcher(lhs);
        while (c.find()) {
            Allowed a = c.group(2).equals("==") ? new Allowed(Set.of(c.group(3)), Set.of())
                    : new Allowed(null, Set.of(c.group(3)));
            out.merge(c.group(1), a, Allowed::and);
        }
        Matcher in = IN.matcher(lhs);
        while (in.find()) {
            Set<String> values = new HashSet<>();
            for (String v : in.group(3).split(",")) {
                String t = v.strip();
                values.add(t.substring(t.lastIndexOf('.') + 1));
            }
            Allowed a = in.group(2) == null ? new Allowed(values, Set.of()) : new Allowed(null, values);
            out.merge(in.group(1), a, Allowed::and);
        }
        return out;
    }

    private static Set<String> atoms(String lhs) {
        Set<String> out = new HashSet<>();
        for (String part : ATOM_SPLIT.split(lhs)) {
            String t = part.replaceAll("\\s+", "").replaceAll("^[$\\w]*:?\\w*\\(", "").replaceAll("\\)+$", "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<Effect> effects(String rhs) {
        List<Effect> out = new ArrayList<>();
        Matcher m = ACTION.matcher(rhs);
        while (m.find()) {
            String action = m.group(1);
            String arg = m.group(2);
            if (action.equals("disqualifyLead")) {
                out.add(new Effect("stage", "DISQUALIFIED", "disqualifies the lead (stage DISQUALIFIED)"));
                continue;
            }
            if (arg == null) {
                continue; // a computed value: not followed
            }
            String literal = arg.startsWith("\"") ? arg.substring(1, arg.length() - 1) : arg.substring(arg.lastIndexOf('.') + 1);
            Effect e = switch (action) {
                case "addTag" -> new Effect("tag:" + literal, "true", "adds the tag \"" + literal + "\"");
                case "removeTag" -> new Effect("tag:" + literal, "false", "removes the tag \"" + literal + "\"");
                case "note" -> new Effect("note:" + literal, "true", "notes \"" + literal + "\"");
                case "forget" -> new Effect("note:" + literal, "false", "forgets \"" + literal + "\"");
                case "warnChurn" -> new Effect("warning:" + literal, "true", "opens the churn warning \"" + literal
                        + "\"");
                case "clearChurn" -> new Effect("warning:" + literal, "false", "clears the churn warning \"" + literal
                        + "\"");
                case "changeStage" -> new Effect("stage", literal, "moves the customer to " + literal);
                case "changeSegment" -> new Effect("segment", literal, "moves the customer to segment " + literal);
                default -> null;
            };
            if (e != null && (arg.startsWith("\"") == !action.startsWith("change"))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Comments as spaces, so that lines and columns stay where they were. */
    private static String blankComments(String text) {
        StringBuilder sb = new StringBuilder(text);
        Matcher m = Pattern.compile("//[^\\n]*|/\\*(?s:.*?)\\*/|\"(?:[^\"\\\\\\n]|\\\\.)*\"").matcher(text);
        while (m.find()) {
            if (m.group().startsWith("\"")) {
                continue; // a string, kept: "//" in it is not a comment
            }
            for (int i = m.start(); i < m.end(); i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb.toString();
    }

    private static String expand(RuleSource dslr, List<RuleSource> dsls) {
        DefaultExpander expander = new DefaultExpander();
        List<String> texts = dsls.isEmpty() ? BUILT_IN_DSL.stream().map(LoopCheck::resource).toList()
                : dsls.stream().map(RuleSource::text).toList();
        for (String dsl : texts) {
            DSLTokenizedMappingFile file = new DSLTokenizedMappingFile();
            try {
                file.parseAndLoad(new StringReader(dsl));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            expander.addDSLMapping(file.getMapping());
        }
        return expander.expand(dslr.text());
    }

    private static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(LoopCheck.class.getClassLoader().getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
