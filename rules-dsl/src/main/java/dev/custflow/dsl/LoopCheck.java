package dev.custflow.dsl;

import dev.custflow.RuleMessage;
import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import dev.custflow.text.Wording;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.antlr4.JavaLexer;
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
 * {@code !repEngaged}) keeps two rules apart, and so do the patterns, accumulate results and comparisons
 * {@link Apart} reads. Actions with a computed tag or stage ({@code "BIRTHDAY:" + year}
 * too) are not followed.
 * <p>Rules are read with Drools' own parser, the one that compiles them: its descriptors give each rule, where its
 * name is and its conditions; conditions and consequences are then read as Java tokens, so nothing in a comment, a
 * string or a text block counts as a condition or an action.
 */
final class LoopCheck {
    /** The conditions {@code hasTag("x")}, {@code noted("x")}, {@code hasWarning("x")} and what they are about. */
    private static final Map<String, String> FLAGS = Map.of("hasTag", "tag:", "noted", "note:",
            "hasWarning", "warning:");
    /** The states a rule compares with a constant ({@code stage == Stage.LOYAL}) and sets. */
    private static final Set<String> STATES = Set.of("stage", "segment");
    /** The action builders that set something conditions read. */
    private static final Set<String> ACTIONS = Set.of("addTag", "removeTag", "note", "forget", "warnChurn",
            "clearChurn", "changeStage", "changeSegment", "disqualifyLead");
    /** How the built-in DSL reaches the actions global, as tokens without spaces. */
    private static final String DSL_ACTIONS = "((dev.custflow.rules.Actions)drools.getKieRuntime()"
            + ".getGlobal(\"actions\"))";
    private static final String CHURN_CAUSE = "dev.custflow.model.ChurnCause";
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

    /** What an action sets ({@code tag:x} to {@code true}, {@code stage} to {@code LOYAL}), by which action. */
    private record Effect(String key, String value, String action) {
        /** @return what it does, e.g. {@code adds the tag "x"} */
        String says(Wording w) {
            int colon = key.indexOf(':');
            return w.text("effect." + action, colon < 0 ? value : key.substring(colon + 1));
        }
    }

    private record Rule(String file, String name, int line, int column, boolean user, Map<String, Allowed> allowed,
                        Set<String> atoms, List<Effect> effects, Apart.Conditions apart) {
        Allowed on(String key) {
            return allowed.getOrDefault(key, new Allowed(null, Set.of()));
        }
    }

    /**
     * @param sources    a rules folder's files (DRL, and DSLR expanded with the folder's DSL or the built-in one)
     * @param withErrors the files with errors, left out
     * @param w          the reader's language
     * @return a warning at each rule that would fire again after its own change, or undo another rule's
     */
    static List<RuleMessage> check(List<RuleSource> sources, Set<String> withErrors, Wording w) {
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
                            r.effects, r.apart));
                }
            }
        }
        List<Rule> all = new ArrayList<>(rules);
        Set<String> replaced = new HashSet<>();
        rules.forEach(r -> replaced.add(r.name));
        BuiltIns.RULES.stream().filter(r -> !replaced.contains(r.name)).forEach(all::add);
        List<RuleMessage> out = new ArrayList<>();
        for (Rule r : rules) {
            selfCheck(r, out, w);
        }
        Set<String> reported = new HashSet<>();
        for (Rule a : rules) {
            for (Rule b : all) {
                if (a != b && (b.user ? reported.add(pairKey(a, b)) : true)) {
                    pingPong(a, b, out, w);
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

    private static void selfCheck(Rule r, List<RuleMessage> out, Wording w) {
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
                out.add(warning(r, w.text("loop.setsAndUndoes", r.name, subject(e.key, w))));
            } else if (!e.key.startsWith("warning:") && r.on(e.key).holds(e.value)) {
                out.add(warning(r, w.text("loop.firesAgain", r.name, e.says(w), guard(e))));
            }
        }
    }

    private static void pingPong(Rule a, Rule b, List<RuleMessage> out, Wording w) {
        for (Effect ea : a.effects) {
            for (Effect eb : b.effects) {
                if (!ea.key.equals(eb.key) || ea.value.equals(eb.value)) {
                    continue;
                }
                if (a.on(ea.key).holds(eb.value) && b.on(eb.key).holds(ea.value) && compatible(a, b, ea.key)) {
                    out.add(warning(a, w.text("loop.undoEachOther", a.name, ea.says(w), b.name, b.file + ":" + b.line,
                            eb.says(w))));
                    return;
                }
            }
        }
    }

    /** @return false if the two rules' conditions cannot hold together (apart from the state they fight over) */
    private static boolean compatible(Rule a, Rule b, String except) {
        if (Apart.keptApart(a.apart, b.apart, except)) {
            return false;
        }
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

    private static String subject(String key, Wording w) {
        int colon = key.indexOf(':');
        return colon < 0 ? w.text("subject." + key) : w.text("subject." + key.substring(0, colon),
                key.substring(colon + 1));
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

    /** The built-in packs, read once: they are resources on the classpath and do not change. */
    private static final class BuiltIns {
        static final List<Rule> RULES = Arrays.stream(RulePack.values())
                .flatMap(p -> parse(p.resource(), resource(p.resource()), false).stream()).toList();
    }

    /** Reads a file with Drools' parser; a file it cannot read is left to the compiler, which reports why. */
    private static List<Rule> parse(String file, String text, boolean user) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException | RuntimeException e) {
            return List.of();
        }
        List<Rule> out = new ArrayList<>();
        for (RuleDescr r : pkg == null || parser.hasErrors() ? List.<RuleDescr>of() : pkg.getRules()) {
            int at = nameOffset(text, r.getStartCharacter());
            if (at >= 0) {
                int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
                int column = at - text.lastIndexOf('\n', at - 1) - 1;
                List<List<Token>> conditions = new ArrayList<>();
                conditions(r.getLhs(), conditions);
                List<Token> then = new ArrayList<>(tokens(String.valueOf(r.getConsequence())));
                r.getNamedConsequences().values().forEach(c -> then.addAll(tokens(String.valueOf(c))));
                out.add(new Rule(file, r.getName(), line, column, user, allowed(conditions), atoms(text, r.getLhs()),
                        effects(then), Apart.of(r.getLhs())));
            }
        }
        return out;
    }

    /** @return where the rule's name starts (inside its quotes), read on from the {@code rule} keyword at start */
    private static int nameOffset(String text, int start) {
        if (start < 0 || start >= text.length()) {
            return -1;
        }
        List<Token> head = tokens(text.substring(start, Math.min(text.length(), start + 4096)), 2);
        if (head.size() < 2 || !head.get(0).getText().equals("rule")) {
            return -1;
        }
        Token name = head.get(1);
        int quote = name.getType() == JavaLexer.STRING_LITERAL ? 1 : 0;
        return text.offsetByCodePoints(start, name.getStartIndex()) + quote;
    }

    /** Collects each condition's tokens: every pattern's constraints (under not, exists, or, accumulate too), evals. */
    private static void conditions(BaseDescr d, List<List<Token>> out) {
        if (d instanceof PatternDescr p) {
            p.getDescrs().forEach(c -> conditions(c, out));
            if (p.getSource() instanceof ConditionalElementDescr source) {
                source.getDescrs().forEach(c -> conditions(c, out));
            }
        } else if (d instanceof ExprConstraintDescr e) {
            out.add(tokens(e.getExpression()));
        } else if (d instanceof EvalDescr e) {
            out.add(tokens(String.valueOf(e.getContent())));
        } else if (d instanceof ConditionalElementDescr ce) {
            ce.getDescrs().forEach(c -> conditions(c, out));
        }
    }

    private static Map<String, Allowed> allowed(List<List<Token>> conditions) {
        Map<String, Allowed> out = new LinkedHashMap<>();
        for (List<Token> t : conditions) {
            for (int i = 0; i < t.size(); i++) {
                String word = t.get(i).getText();
                if (FLAGS.containsKey(word) && is(t, i + 1, "(") && isString(t, i + 2) && is(t, i + 3, ")")) {
                    Allowed a = new Allowed(Set.of(is(t, i - 1, "!") ? "false" : "true"), Set.of());
                    out.merge(FLAGS.get(word) + unquote(t.get(i + 2)), a, Allowed::and);
                } else if (STATES.contains(word) && (is(t, i + 1, "==") || is(t, i + 1, "!="))) {
                    String value = is(t, i + 2, "null") ? "null" : constant(t, i + 2);
                    if (value != null) {
                        out.merge(word, is(t, i + 1, "==") ? new Allowed(Set.of(value), Set.of())
                                : new Allowed(null, Set.of(value)), Allowed::and);
                    }
                } else if (STATES.contains(word) && (is(t, i + 1, "in") || is(t, i + 1, "not") && is(t, i + 2, "in"))) {
                    boolean not = is(t, i + 1, "not");
                    int open = i + (not ? 3 : 2);
                    if (is(t, open, "(")) {
                        Set<String> values = new HashSet<>();
                        for (List<Token> v : arguments(t, open)) {
                            String value = join(v);
                            values.add(value.substring(value.lastIndexOf('.') + 1));
                        }
                        out.merge(word, not ? new Allowed(null, values) : new Allowed(values, Set.of()), Allowed::and);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The when part as written, split at every , and &&, without spaces, closing brackets or a leading name and
     * bracket (a pattern's {@code $c:Customer(}, or {@code $c:dev.custflow.model.Customer(} as the built-in DSL writes
     * it; a call's name). A part negated in the other rule keeps two rules apart
     * ({@code repEngaged}, {@code !repEngaged}), and so does a flag first in its pattern against its negation
     * ({@code Customer( hasWarning("X"), ...)}, {@code !hasWarning("X")}): lint has always read a rule that opens a
     * churn warning and the rule that clears it so.
     */
    private static Set<String> atoms(String text, BaseDescr lhs) {
        int from = lhs.getStartCharacter();
        int to = Math.min(text.length(), lhs.getEndCharacter() + 1);
        List<Token> when = from < 0 || to <= from ? List.of() : tokens(text.substring(from, to));
        Set<String> out = new HashSet<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i <= when.size(); i++) {
            if (i < when.size() && !is(when, i, ",") && !is(when, i, "&&")) {
                part.append(when.get(i).getText());
                continue;
            }
            String atom = part.toString().replaceAll("\\s+", "").replaceAll("^[$\\w]*:?[\\w.]*\\(", "")
                    .replaceAll("\\)+$", "");
            if (!atom.isEmpty()) {
                out.add(atom);
            }
            part.setLength(0);
        }
        return out;
    }

    private static List<Effect> effects(List<Token> t) {
        List<Effect> out = new ArrayList<>();
        for (int i = 1; i + 2 < t.size(); i++) {
            String action = t.get(i + 1).getText();
            if (!is(t, i, ".") || !ACTIONS.contains(action) || !is(t, i + 2, "(") || !isActionsGlobal(t, i - 1)) {
                continue;
            }
            if (action.equals("disqualifyLead")) {
                out.add(new Effect("stage", "DISQUALIFIED", action));
                continue;
            }
            List<List<Token>> args = arguments(t, i + 2);
            List<Token> arg = args.size() < 2 ? List.of() : args.get(1);
            String literal;
            if (action.startsWith("change")) {
                literal = chainEnd(arg, 0) == arg.size() ? constant(arg, 0) : null;
            } else {
                literal = arg.size() == 1 && isString(arg, 0) ? unquote(arg.get(0)) : null;
            }
            if (literal == null) {
                continue; // a computed value: not followed
            }
            out.add(switch (action) {
                case "addTag", "removeTag" -> new Effect("tag:" + literal, String.valueOf(action.equals("addTag")),
                        action);
                case "note", "forget" -> new Effect("note:" + literal, String.valueOf(action.equals("note")), action);
                case "warnChurn", "clearChurn" -> new Effect("warning:" + literal,
                        String.valueOf(action.equals("warnChurn")), action);
                case "changeStage" -> new Effect("stage", literal, action);
                default -> new Effect("segment", literal, action);
            });
        }
        return out;
    }

    /** @return true if the token at {@code i} ends the {@code actions} global, named or as the built-in DSL gets it */
    private static boolean isActionsGlobal(List<Token> t, int i) {
        if (!is(t, i, ")")) {
            return is(t, i, "actions");
        }
        for (int k = i, depth = 0; k >= 0; k--) {
            depth += is(t, k, ")") ? 1 : is(t, k, "(") ? -1 : 0;
            if (depth == 0) {
                return join(t.subList(k, i + 1)).equals(DSL_ACTIONS);
            }
        }
        return false;
    }

    /** @return the arguments of the call whose opening bracket is at {@code open}, split at its own commas */
    private static List<List<Token>> arguments(List<Token> t, int open) {
        List<List<Token>> args = new ArrayList<>();
        List<Token> arg = new ArrayList<>();
        int depth = 0;
        for (int i = open + 1; i < t.size(); i++) {
            String s = t.get(i).getText();
            if (depth == 0 && (s.equals(")") || s.equals(","))) {
                if (!arg.isEmpty()) {
                    args.add(arg);
                }
                if (s.equals(")")) {
                    break;
                }
                arg = new ArrayList<>();
                continue;
            }
            depth += switch (s) {
                case "(", "[", "{" -> 1;
                case ")", "]", "}" -> -1;
                default -> 0;
            };
            arg.add(t.get(i));
        }
        return args;
    }

    /** @return the last all-capitals name in the dotted name at {@code i} ({@code Stage.LOYAL}: LOYAL), or null */
    private static String constant(List<Token> t, int i) {
        String last = null;
        for (int k = i; k < chainEnd(t, i); k += 2) {
            String word = t.get(k).getText();
            if (word.startsWith("$")) {
                return null; // a variable, not a constant
            }
            last = word.matches("[A-Z_]+") ? word : last;
        }
        return last;
    }

    /** @return the index after the dotted name ({@code a.b.c}) that starts at {@code i}; {@code i} if none does */
    private static int chainEnd(List<Token> t, int i) {
        int k = i;
        while (k < t.size() && t.get(k).getType() == JavaLexer.IDENTIFIER) {
            if (!is(t, k + 1, ".") || k + 2 >= t.size() || t.get(k + 2).getType() != JavaLexer.IDENTIFIER) {
                return k + 1;
            }
            k += 2;
        }
        return k;
    }

    private static boolean is(List<Token> t, int i, String text) {
        return i >= 0 && i < t.size() && t.get(i).getText().equals(text);
    }

    private static boolean isString(List<Token> t, int i) {
        return i >= 0 && i < t.size() && t.get(i).getType() == JavaLexer.STRING_LITERAL;
    }

    private static String unquote(Token string) {
        return string.getText().substring(1, string.getText().length() - 1);
    }

    private static String join(List<Token> t) {
        return t.stream().map(Token::getText).collect(Collectors.joining());
    }

    private static List<Token> tokens(String code) {
        return tokens(code, Integer.MAX_VALUE);
    }

    /**
     * Java's tokens, of which conditions and consequences are made: a comment, a string or a text block is one token,
     * so nothing in it reads as code. A built-in churn cause ({@code ChurnCause.NO_ORDER}, with or without
     * {@code .name()}) becomes the string of its name, which a rule may write instead.
     */
    private static List<Token> tokens(String code, int limit) {
        JavaLexer lexer = new JavaLexer(CharStreams.fromString(code));
        lexer.removeErrorListeners();
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF && out.size() < limit; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                out.add(t);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            int at = is(out, i, "dev") && join(out.subList(i, Math.min(out.size(), i + 7))).equals(CHURN_CAUSE)
                    ? i + 6 : i;
            if (is(out, at, "ChurnCause") && is(out, at + 1, ".") && at + 2 < out.size()
                    && out.get(at + 2).getType() == JavaLexer.IDENTIFIER) {
                int end = at + 3;
                if (is(out, end, ".") && is(out, end + 1, "name") && is(out, end + 2, "(") && is(out, end + 3, ")")) {
                    end += 4;
                }
                Token cause = new CommonToken(JavaLexer.STRING_LITERAL, "\"" + out.get(at + 2).getText() + "\"");
                out.subList(i, end).clear();
                out.add(i, cause);
            }
        }
        return out;
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
