package dev.custflow.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PatternDescr;

/**
 * Conditions of a rule beyond the flags and states {@link LoopCheck} reads that can keep two rules apart, so that
 * they cannot both match one customer at one time:
 * <ul>
 *   <li>a pattern from a source one rule requires ({@code exists OpenTicket( ) from $c.openTickets}, the pattern
 *       alone, or an accumulated {@code count} or {@code sum} that cannot be 0) and the other forbids
 *       ({@code not OpenTicket( ) from $c.openTickets}, or a {@code count} that must be 0). The forbidden pattern
 *       may have fewer constraints than the required one: no ticket at all excludes a complaint ticket;</li>
 *   <li>constraints on the same value of a fact no value meets together: {@code orderCount >= 10} against
 *       {@code orderCount < 5}, {@code region == "华东"} against {@code region == "华南"} or {@code != "华东"}.</li>
 * </ul>
 * Patterns and values are compared as written, without spaces and bindings; the customer's variable and getters
 * ({@code $cust.getContracts()} for {@code $c.contracts}) do not matter. Anything else (an {@code or}, a
 * computed bound) keeps nothing apart, so the loop warning stays.
 */
final class Apart {
    private static final Pattern BINDING = Pattern.compile("\\$\\w+\\s*:(?!:)");
    private static final Pattern GETTER = Pattern.compile("\\.(?:get|is)([A-Z])(\\w*)\\(\\)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?[lLdDfF]?");
    private static final Pattern CONSTANT = Pattern.compile("(?:\\w+\\.)*([A-Z][A-Z0-9_]*)");
    /** The ways to read an accumulated number in its pattern ({@code Number( intValue >= 3 )}). */
    private static final Set<String> RESULT = Set.of("intValue", "longValue", "doubleValue", "this", "intValue()",
            "longValue()", "doubleValue()");
    private static final String CUSTOMER = "$customer";

    private Apart() {
    }

    /** A pattern from a source that a rule requires or forbids: its type, source and constraints as written. */
    record Element(Kind kind, String pattern, Set<String> constraints) {
        enum Kind { REQUIRED, FORBIDDEN }
    }

    /**
     * What a rule's conditions say beyond flags and states.
     *
     * @param elements the patterns from a source it requires or forbids
     * @param bounds   what its conditions allow each value of a fact ({@code Customer.orderCount}) to be
     */
    record Conditions(List<Element> elements, Map<String, Bound> bounds) {
    }

    /** @return what the rule's top-level conditions say: patterns from a source, not, exists, accumulate, bounds */
    static Conditions of(AndDescr lhs) {
        String customer = customerVariable(lhs);
        List<Element> elements = new ArrayList<>();
        Map<String, Bound> bounds = new HashMap<>();
        boolean customerRead = false;
        for (BaseDescr d : lhs.getDescrs()) {
            if (d instanceof NotDescr n && n.getDescrs().size() == 1
                    && n.getDescrs().get(0) instanceof PatternDescr p && p.getSource() instanceof FromDescr) {
                elements.add(element(Element.Kind.FORBIDDEN, p, customer));
            } else if (d instanceof ExistsDescr e && e.getDescrs().size() == 1
                    && e.getDescrs().get(0) instanceof PatternDescr p && p.getSource() instanceof FromDescr) {
                elements.add(element(Element.Kind.REQUIRED, p, customer));
            } else if (d instanceof PatternDescr p && p.getSource() instanceof FromDescr) {
                elements.add(element(Element.Kind.REQUIRED, p, customer));
            } else if (d instanceof PatternDescr p && p.getSource() instanceof AccumulateDescr a) {
                accumulated(p, a, customer, elements);
            } else if (d instanceof PatternDescr p && p.getSource() == null && type(p).equals("Customer")
                    && !customerRead) { // the customer the rule acts on; another Customer pattern is another one
                customerRead = true;
                for (BaseDescr c : p.getDescrs()) {
                    if (c instanceof ExprConstraintDescr e) {
                        for (String part : Comparison.conjuncts(e.getExpression())) {
                            Comparison.of(part).ifPresent(cmp -> bounds.merge(type(p) + "." + cmp.left(),
                                    cmp.bound(), Bound::and));
                        }
                    }
                }
            }
        }
        return new Conditions(List.copyOf(elements), Map.copyOf(bounds));
    }

    /**
     * @param except the value the two rules set, which their conditions on it do not keep apart (it is what they
     *               fight over), e.g. {@code stage}
     * @return true if the two rules' conditions cannot hold together
     */
    static boolean keptApart(Conditions a, Conditions b, String except) {
        for (Element x : a.elements()) {
            for (Element y : b.elements()) {
                if (excludes(x, y) || excludes(y, x)) {
                    return true;
                }
            }
        }
        for (Map.Entry<String, Bound> e : a.bounds().entrySet()) {
            Bound other = b.bounds().get(e.getKey());
            if (other != null && !e.getKey().equals("Customer." + except) && e.getValue().and(other).empty()) {
                return true;
            }
        }
        return false;
    }

    /** @return true if what {@code required} needs is some element {@code forbidden} rules out */
    private static boolean excludes(Element required, Element forbidden) {
        return required.kind() == Element.Kind.REQUIRED && forbidden.kind() == Element.Kind.FORBIDDEN
                && required.pattern().equals(forbidden.pattern())
                && required.constraints().containsAll(forbidden.constraints());
    }

    /**
     * {@code Number( intValue >= 3 ) from accumulate( P from S, count(...) )}: a count that cannot be 0 requires a P,
     * one that must be 0 forbids it; a sum that cannot be 0 requires one (a sum of nothing is 0).
     */
    private static void accumulated(PatternDescr result, AccumulateDescr a, String customer, List<Element> out) {
        if (!a.isSinglePattern() || a.isMultiFunction() || a.getFunctions().size() != 1
                || !(a.getInputPattern() != null && a.getInputPattern().getSource() instanceof FromDescr)) {
            return;
        }
        Bound bound = Bound.ANY;
        for (BaseDescr c : result.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr e)) {
                return;
            }
            for (String part : Comparison.conjuncts(e.getExpression())) {
                var cmp = Comparison.of(part);
                if (cmp.isPresent() && RESULT.contains(cmp.get().left())) {
                    bound = bound.and(cmp.get().bound());
                }
            }
        }
        String function = a.getFunctions().get(0).getFunction();
        boolean noneAllowed = !bound.and(Bound.number(0)).empty();
        if (!noneAllowed && (function.equals("count") || function.equals("sum"))) {
            out.add(element(Element.Kind.REQUIRED, a.getInputPattern(), customer));
        } else if (function.equals("count") && bound.and(Bound.atLeast(1)).empty()) {
            out.add(element(Element.Kind.FORBIDDEN, a.getInputPattern(), customer));
        }
    }

    private static Element element(Element.Kind kind, PatternDescr p, String customer) {
        Set<String> constraints = new LinkedHashSet<>();
        for (BaseDescr c : p.getDescrs()) {
            constraints.add(plain(c instanceof ExprConstraintDescr e ? e.getExpression() : String.valueOf(c.getText()),
                    customer));
        }
        String source = p.getSource() instanceof FromDescr f ? plain(f.getExpression(), customer) : "";
        return new Element(kind, type(p) + " from " + source, constraints);
    }

    /** @return the text without spaces and bindings, the customer's variable as {@code $customer}, getters as names */
    private static String plain(String text, String customer) {
        String t = BINDING.matcher(text).replaceAll("").replaceAll("\\s+", "");
        if (customer != null) {
            t = t.replaceAll(Pattern.quote(customer) + "\\b", Matcher.quoteReplacement(CUSTOMER));
        }
        Matcher g = GETTER.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (g.find()) {
            g.appendReplacement(sb, Matcher.quoteReplacement("." + g.group(1).toLowerCase() + g.group(2)));
        }
        return g.appendTail(sb).toString();
    }

    private static String type(PatternDescr p) {
        String t = p.getObjectType();
        return t.substring(t.lastIndexOf('.') + 1);
    }

    private static String customerVariable(AndDescr lhs) {
        for (BaseDescr d : lhs.getDescrs()) {
            if (d instanceof PatternDescr p && p.getSource() == null && type(p).equals("Customer")
                    && p.getIdentifier() != null) {
                return p.getIdentifier();
            }
        }
        return null;
    }

    /**
     * What conditions allow a value to be: between {@code lo} and {@code hi} (null: unbounded), equal to the literal
     * {@code eq} (null: any; {@link #CONFLICT} when two literals were asked for), and none of {@code ne}.
     */
    record Bound(Double lo, boolean loIn, Double hi, boolean hiIn, String eq, Set<String> ne) {
        static final Bound ANY = new Bound(null, false, null, false, null, Set.of());
        private static final String CONFLICT = "\u0000conflict";

        static Bound number(double v) {
            return new Bound(v, true, v, true, null, Set.of());
        }

        static Bound atLeast(double v) {
            return new Bound(v, true, null, false, null, Set.of());
        }

        Bound and(Bound o) {
            Double l = lo;
            boolean li = loIn;
            if (o.lo != null && (l == null || o.lo > l || o.lo.equals(l) && !o.loIn)) {
                l = o.lo;
                li = o.loIn;
            }
            Double h = hi;
            boolean hin = hiIn;
            if (o.hi != null && (h == null || o.hi < h || o.hi.equals(h) && !o.hiIn)) {
                h = o.hi;
                hin = o.hiIn;
            }
            String e = eq == null ? o.eq : o.eq == null || o.eq.equals(eq) ? eq : CONFLICT;
            Set<String> n = new LinkedHashSet<>(ne);
            n.addAll(o.ne);
            return new Bound(l, li, h, hin, e, Set.copyOf(n));
        }

        /** @return true if no value meets it */
        boolean empty() {
            if (CONFLICT.equals(eq) || eq != null && ne.contains(eq)) {
                return true;
            }
            if (lo != null && hi != null) {
                return lo > hi || lo.equals(hi) && (!loIn || !hiIn || ne.contains(Comparison.canonical(lo)));
            }
            return false;
        }
    }

    /** One comparison of a value with a literal: {@code orderCount >= 10}, {@code region == "华东"}. */
    private record Comparison(String left, String op, String literal, Double number) {
        private static final List<String> OPS = List.of("==", "!=", "<=", ">=", "<", ">");

        /** @return the parts of a constraint joined by {@code &&} at its top level, or none if it has an or */
        static List<String> conjuncts(String expression) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            int start = 0;
            boolean quoted = false;
            for (int i = 0; i < expression.length(); i++) {
                char ch = expression.charAt(i);
                if (ch == '"' && (i == 0 || expression.charAt(i - 1) != '\\')) {
                    quoted = !quoted;
                } else if (!quoted && (ch == '(' || ch == '[')) {
                    depth++;
                } else if (!quoted && (ch == ')' || ch == ']')) {
                    depth--;
                } else if (!quoted && (expression.startsWith("||", i) || ch == '?')) {
                    return List.of();
                } else if (!quoted && depth == 0 && expression.startsWith("&&", i)) {
                    out.add(expression.substring(start, i));
                    start = i + 2;
                    i++;
                }
            }
            out.add(expression.substring(start));
            return out;
        }

        /** @return the comparison, the literal on the right, if the text is one */
        static java.util.Optional<Comparison> of(String text) {
            String t = BINDING.matcher(text).replaceAll("").strip();
            int depth = 0;
            boolean quoted = false;
            for (int i = 0; i < t.length(); i++) {
                char ch = t.charAt(i);
                if (ch == '"' && (i == 0 || t.charAt(i - 1) != '\\')) {
                    quoted = !quoted;
                } else if (!quoted && (ch == '(' || ch == '[')) {
                    depth++;
                } else if (!quoted && (ch == ')' || ch == ']')) {
                    depth--;
                } else if (!quoted && depth == 0) {
                    for (String op : OPS) {
                        if (t.startsWith(op, i)) {
                            return of(t.substring(0, i).strip(), op, t.substring(i + op.length()).strip());
                        }
                    }
                }
            }
            return java.util.Optional.empty();
        }

        private static java.util.Optional<Comparison> of(String left, String op, String right) {
            if (literal(left) != null && literal(right) == null) { // 10 <= orderCount
                String flipped = switch (op) {
                    case "<" -> ">";
                    case ">" -> "<";
                    case "<=" -> ">=";
                    case ">=" -> "<=";
                    default -> op;
                };
                return of(right, flipped, left);
            }
            String literal = literal(right);
            if (literal == null || left.isEmpty() || literal(left) != null) {
                return java.util.Optional.empty();
            }
            Double number = NUMBER.matcher(right).matches() ? Double.valueOf(literal) : null;
            if (number == null && !op.equals("==") && !op.equals("!=")) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Comparison(left.replaceAll("\\s+", ""), op, literal, number));
        }

        /** @return the literal as compared (a number's value, a constant's name, a string as written), or null */
        private static String literal(String text) {
            if (NUMBER.matcher(text).matches()) {
                return canonical(Double.parseDouble(text.replaceAll("[lLdDfF]$", "")));
            }
            if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                    && text.indexOf('"', 1) == text.length() - 1) {
                return text;
            }
            Matcher c = CONSTANT.matcher(text);
            if (c.matches()) {
                return c.group(1);
            }
            return text.equals("true") || text.equals("false") || text.equals("null") ? text : null;
        }

        static String canonical(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }

        Bound bound() {
            if (number == null) {
                return op.equals("==") ? new Bound(null, false, null, false, literal, Set.of())
                        : new Bound(null, false, null, false, null, Set.of(literal));
            }
            double v = number;
            return switch (op) {
                case "==" -> new Bound(v, true, v, true, literal, Set.of());
                case "!=" -> new Bound(null, false, null, false, null, Set.of(literal));
                case "<" -> new Bound(null, false, v, false, null, Set.of());
                case "<=" -> new Bound(null, false, v, true, null, Set.of());
                case ">" -> new Bound(v, false, null, false, null, Set.of());
                default -> new Bound(v, true, null, false, null, Set.of());
            };
        }
    }
}
