package dev.custflow.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PatternDescr;

/**
 * Conditions of a rule beyond the customer's own that can keep two rules apart, for {@link LoopCheck}: a pattern
 * one rule requires ({@code exists Contract( ) from $c.contracts}, or that pattern alone) and the other forbids
 * ({@code not Contract( ) from $c.contracts}). Patterns are compared as written, without spaces and bindings.
 * ({@code accumulate} is not read: the sandbox refuses it in a user's rules.)
 */
final class Apart {
    private static final Pattern BINDING = Pattern.compile("\\$\\w+\\s*:(?!:)");

    private Apart() {
    }

    /** A pattern a rule requires or forbids, as written without spaces and bindings. */
    record Element(Kind kind, String pattern) {
        enum Kind { REQUIRED, FORBIDDEN }
    }

    /** @return the rule's top-level conditions that are patterns from a source, not or exists */
    static List<Element> elements(AndDescr lhs) {
        List<Element> out = new ArrayList<>();
        for (BaseDescr d : lhs.getDescrs()) {
            if (d instanceof NotDescr n && n.getDescrs().size() == 1) {
                out.add(plain(Element.Kind.FORBIDDEN, text((BaseDescr) n.getDescrs().get(0))));
            } else if (d instanceof ExistsDescr e && e.getDescrs().size() == 1) {
                out.add(plain(Element.Kind.REQUIRED, text((BaseDescr) e.getDescrs().get(0))));
            } else if (d instanceof PatternDescr p && p.getSource() instanceof FromDescr) {
                out.add(plain(Element.Kind.REQUIRED, text(p)));
            }
        }
        return out;
    }

    /** @return true if some element of one rule cannot hold with an element of the other */
    static boolean keptApart(List<Element> a, List<Element> b) {
        for (Element x : a) {
            for (Element y : b) {
                if (!x.pattern().equals(y.pattern())) {
                    continue;
                }
                if (x.kind() != y.kind()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Element plain(Element.Kind kind, String pattern) {
        return new Element(kind, pattern);
    }

    /** A pattern as written: its type, its constraints and its source, without spaces and bindings. */
    private static String text(BaseDescr d) {
        if (d instanceof PatternDescr p) {
            List<String> constraints = new ArrayList<>();
            for (BaseDescr c : p.getDescrs()) {
                constraints.add(c instanceof ExprConstraintDescr e ? e.getExpression() : c.getText());
            }
            String source = p.getSource() instanceof FromDescr f ? "from" + f.getExpression() : "";
            return BINDING.matcher(p.getObjectType() + "(" + String.join(",", constraints) + ")" + source)
                    .replaceAll("").replaceAll("\\s+", "");
        }
        return String.valueOf(d.getText()).replaceAll("\\s+", "");
    }
}
