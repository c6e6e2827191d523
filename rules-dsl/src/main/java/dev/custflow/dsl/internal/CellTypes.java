package dev.custflow.dsl.internal;

import dev.custflow.model.Customer;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a decision table's column expects in its cells, read from its code row: a number where the code compares a
 * numeric property of the customer with the cell ({@code orderCount >= $param}), passes it to a numeric method
 * ({@code complaintsWithinDays($param)}) or declares a number with it ({@code int days = $param;}); true or false
 * where it does the same with a boolean. A cell of the wrong type is named at once ("cell D11: expected a number,
 * e.g. 500") instead of the DRL parser's message about the code it would make.
 */
final class CellTypes {
    /** What a column's cells must be. */
    enum Kind {
        NUMBER("a number, e.g. 500"), BOOLEAN("true or false");

        private final String described;

        Kind(String described) {
            this.described = described;
        }

        /** @return what an author must write, e.g. {@code a number, e.g. 500} */
        String described() {
            return described;
        }
    }

    private static final Pattern COMPARED = Pattern.compile("(\\w+)\\s*(?:>=|<=|==|!=|>|<)\\s*\\$param\\b");
    private static final Pattern ARGUMENT = Pattern.compile("(\\w+)\\(\\s*\\$param\\s*\\)");
    private static final Pattern DECLARED = Pattern.compile("\\b(int|long|double|float|short|boolean|Integer|Long|"
            + "Double|Boolean|BigDecimal)\\s+\\w+\\s*=\\s*\\$param\\s*;");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");

    private CellTypes() {
    }

    /**
     * @param code a column's code row, e.g. {@code orderCount >= $param}
     * @return what its cells must be, if the code says
     */
    static Optional<Kind> of(String code) {
        if (code == null || QuotedValues.use(code, Pattern.compile("\\$param\\b")) != QuotedValues.Use.CODE) {
            return Optional.empty(); // a cell pasted between quotes is text
        }
        Matcher d = DECLARED.matcher(code);
        if (d.find()) {
            return Optional.of(d.group(1).equalsIgnoreCase("boolean") ? Kind.BOOLEAN : Kind.NUMBER);
        }
        Matcher c = COMPARED.matcher(code);
        if (c.find()) {
            return kind(property(c.group(1)));
        }
        Matcher a = ARGUMENT.matcher(code);
        if (a.find()) {
            return Arrays.stream(Customer.class.getMethods())
                    .filter(m -> m.getName().equals(a.group(1)) && m.getParameterCount() == 1).findFirst()
                    .flatMap(m -> kind(m.getParameterTypes()[0]));
        }
        return Optional.empty();
    }

    /**
     * @param kind  what the column expects
     * @param value a cell
     * @return true if the cell is one
     */
    static boolean fits(Kind kind, String value) {
        String v = value.strip();
        return kind == Kind.NUMBER ? NUMBER.matcher(v).matches() : v.equals("true") || v.equals("false");
    }

    /** @return a cell of the kind that compiles, put in place of a wrong one so the rest of the table is checked */
    static String standIn(Kind kind) {
        return kind == Kind.NUMBER ? "0" : "false";
    }

    private static Class<?> property(String name) {
        String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String getter : new String[] {"get" + cap, "is" + cap, name}) {
            try {
                Method m = Customer.class.getMethod(getter);
                return m.getReturnType();
            } catch (NoSuchMethodException e) {
                // the next form
            }
        }
        return null;
    }

    private static Optional<Kind> kind(Class<?> type) {
        if (type == null) {
            return Optional.empty();
        }
        if (type == boolean.class || type == Boolean.class) {
            return Optional.of(Kind.BOOLEAN);
        }
        boolean number = type.isPrimitive() && type != char.class && type != void.class
                || Number.class.isAssignableFrom(type) || type == BigDecimal.class;
        return number ? Optional.of(Kind.NUMBER) : Optional.empty();
    }
}
