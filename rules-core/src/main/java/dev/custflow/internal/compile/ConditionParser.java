package dev.custflow.internal.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the text of one condition (a pattern's constraint, a {@code from} source, an accumulate function's
 * argument, a salience) into a small tree, for {@link ConditionCheck}. It accepts a strict subset that Java and
 * MVEL read alike: names, property reads, method calls, literals, arithmetic, comparisons, {@code &&}/{@code ||},
 * {@code ?:}, casts, {@code new}, inline lists and maps, and Drools' own operators ({@code in}, {@code matches},
 * {@code contains}, {@code memberOf}, {@code soundslike}, {@code excludes}, {@code str[..]}, a binding
 * {@code $x :}). Anything else is refused, not skipped: Drools' expression parser stops at what it does not know
 * ({@code a.{ b = 1 }} becomes {@code a}) while MVEL runs the whole text, so a check must read every character.
 * Invisible characters (controls, soft hyphens, zero-width spaces) are refused outright: MVEL trims a control
 * character off a name ({@code Runtime\u0001} is {@code Runtime}) where a reader sees another name.
 */
final class ConditionParser {

    /** A place in the text, and what is wrong there. */
    static final class SyntaxException extends Exception {
        final int at;

        SyntaxException(int at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    /** The tree: every node knows where it starts in the text. */
    sealed interface Node permits Literal, Name, Member, Call, Index, Unary, Binary, Half, InList, Ternary, Cast,
            InstanceOf, New, ListOf, MapOf, Binding {
        int at();
    }

    record Literal(int at, Class<?> type) implements Node {
    }

    record Name(int at, String name) implements Node {
    }

    /** {@code target.name}: a property, a field, a nested class, or a package step. */
    record Member(int at, Node target, String name) implements Node {
    }

    /** {@code target.name(args)}, or {@code name(args)} when target is null. */
    record Call(int at, Node target, String name, List<Node> args) implements Node {
    }

    record Index(int at, Node target, Node index) implements Node {
    }

    record Unary(int at, String op, Node operand) implements Node {
    }

    record Binary(int at, String op, Node left, Node right) implements Node {
    }

    /** A half constraint: {@code orderCount > 2 && < 9}, the left side implied. */
    record Half(int at, String op, Node right) implements Node {
    }

    record InList(int at, Node left, List<Node> values) implements Node {
    }

    record Ternary(int at, Node condition, Node then, Node otherwise) implements Node {
    }

    record Cast(int at, String type, Node operand) implements Node {
    }

    record InstanceOf(int at, Node operand, String type) implements Node {
    }

    record New(int at, String type, List<Node> args) implements Node {
    }

    record ListOf(int at, List<Node> values) implements Node {
    }

    record MapOf(int at, List<Node> keys, List<Node> values) implements Node {
    }

    /** {@code $x : expr} or {@code $x := expr}: binds the leftmost operand of expr. */
    record Binding(int at, String variable, Node expression) implements Node {
    }

    /** Words MVEL reads as keywords or operators: never a name of their own, only after a dot. */
    private static final Set<String> RESERVED = Set.of("if", "else", "foreach", "for", "do", "while", "until",
            "with", "def", "function", "import", "import_static", "return", "assert", "isdef", "is", "contains",
            "soundslike", "strsim", "convertable_to", "instanceof", "matches", "memberOf", "in", "not", "excludes",
            "str", "var", "new", "proto", "typeof", "stacklang", "switch", "nil", "empty", "null", "true", "false",
            "this", "class", "interface", "package", "static", "throw", "try", "catch", "finally", "super");
    /** Operators of Drools that compare two values, with {@code not} in front where Drools allows it. */
    private static final Set<String> WORD_OPERATORS = Set.of("matches", "contains", "memberOf", "soundslike",
            "excludes", "str");
    private static final Set<String> RELATIONAL = Set.of("==", "!=", "<", ">", "<=", ">=");
    /** Two-character operators first: the tokenizer takes the longest. */
    private static final List<String> OPERATORS = List.of(":=", "==", "!=", "<=", ">=", "&&", "||", "(", ")", "[",
            "]", ".", ",", "?", ":", "!", "<", ">", "+", "-", "*", "/", "%");

    private enum Kind { IDENT, NUMBER, STRING, CHAR, OP, END }

    private record Token(Kind kind, String text, int at) {
        boolean is(String s) {
            return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(s);
        }
    }

    private final List<Token> tokens;
    private int pos;

    private ConditionParser(String text) throws SyntaxException {
        this.tokens = tokenize(text);
    }

    /**
     * @param text    a condition as written
     * @param binding true where Drools allows a binding ({@code $x : expr}) in front: a pattern's constraint
     * @return its tree
     * @throws SyntaxException at the first character or token that is not in the accepted subset
     */
    static Node parse(String text, boolean binding) throws SyntaxException {
        ConditionParser p = new ConditionParser(text);
        Node n = binding ? p.constraint() : p.expression();
        Token t = p.peek();
        if (t.kind != Kind.END) {
            throw new SyntaxException(t.at, "'" + t.text + "' is not part of a condition the sandbox reads");
        }
        return n;
    }

    // ---------------------------------------------------------------- grammar

    private Node constraint() throws SyntaxException {
        Token first = peek();
        Token second = peek(1);
        if (first.kind == Kind.IDENT && (second.is(":") || second.is(":="))) {
            pos += 2;
            return new Binding(first.at, first.text, expression());
        }
        return expression();
    }

    private Node expression() throws SyntaxException {
        Node c = or();
        if (peek().is("?")) {
            int at = next().at;
            Node then = expression();
            expect(":");
            return new Ternary(at, c, then, expression());
        }
        return c;
    }

    private Node or() throws SyntaxException {
        Node left = and();
        while (peek().is("||")) {
            int at = next().at;
            left = new Binary(at, "||", left, halfOr(this::and));
        }
        return left;
    }

    private Node and() throws SyntaxException {
        Node left = equality();
        while (peek().is("&&")) {
            int at = next().at;
            left = new Binary(at, "&&", left, halfOr(this::equality));
        }
        return left;
    }

    private interface Rule {
        Node parse() throws SyntaxException;
    }

    /** After {@code &&} or {@code ||}, Drools allows the left operand to be left out: {@code > 2 && < 9}. */
    private Node halfOr(Rule rule) throws SyntaxException {
        Token t = peek();
        if (t.kind == Kind.OP && RELATIONAL.contains(t.text)) {
            next();
            return new Half(t.at, t.text, additive());
        }
        return rule.parse();
    }

    private Node equality() throws SyntaxException {
        Node left = relational();
        while (peek().is("==") || peek().is("!=")) {
            Token op = next();
            left = new Binary(op.at, op.text, left, relational());
        }
        return left;
    }

    private Node relational() throws SyntaxException {
        Node left = additive();
        while (true) {
            Token t = peek();
            if (t.is("<") || t.is(">") || t.is("<=") || t.is(">=")) {
                next();
                left = new Binary(t.at, t.text, left, additive());
            } else if (t.is("instanceof")) {
                next();
                left = new InstanceOf(t.at, left, typeName());
            } else if (t.is("in") || t.is("not") && peek(1).is("in")) {
                pos += t.is("not") ? 2 : 1;
                left = new InList(t.at, left, arguments());
            } else if (t.kind == Kind.IDENT && (WORD_OPERATORS.contains(t.text)
                    || t.is("not") && WORD_OPERATORS.contains(peek(1).text))) {
                pos += t.is("not") ? 2 : 1;
                if (tokens.get(pos - 1).is("str")) { // str[startsWith]: the parameter is a word, not code
                    expect("[");
                    ident();
                    expect("]");
                }
                left = new Binary(t.at, tokens.get(pos - 1).text, left, additive());
            } else {
                return left;
            }
        }
    }

    private Node additive() throws SyntaxException {
        Node left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            Token op = next();
            left = new Binary(op.at, op.text, left, multiplicative());
        }
        return left;
    }

    private Node multiplicative() throws SyntaxException {
        Node left = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            Token op = next();
            left = new Binary(op.at, op.text, left, unary());
        }
        return left;
    }

    private Node unary() throws SyntaxException {
        Token t = peek();
        if (t.is("!") || t.is("-") || t.is("+")) {
            next();
            return new Unary(t.at, t.text, unary());
        }
        if (t.is("(") && castAhead()) {
            next();
            String type = typeName();
            expect(")");
            return new Cast(t.at, type, unary());
        }
        return postfix(primary());
    }

    /** {@code (Name.Name) operand}: a cast when a dotted name in parentheses is followed by an operand. */
    private boolean castAhead() {
        int i = pos + 1;
        if (tokens.get(i).kind != Kind.IDENT) {
            return false;
        }
        while (tokens.get(i).kind == Kind.IDENT && tokens.get(i + 1).is(".")) {
            i += 2;
        }
        if (tokens.get(i).kind != Kind.IDENT || !tokens.get(i + 1).is(")")) {
            return false;
        }
        Token after = tokens.get(i + 2);
        return after.kind == Kind.IDENT && !WORD_OPERATORS.contains(after.text) && !after.is("in")
                && !after.is("not") && !after.is("instanceof") || after.kind == Kind.NUMBER
                || after.kind == Kind.STRING || after.kind == Kind.CHAR || after.is("(") || after.is("!");
    }

    private Node postfix(Node node) throws SyntaxException {
        Node n = node;
        while (true) {
            Token t = peek();
            if (t.is(".")) {
                next();
                Token name = peek();
                if (name.kind != Kind.IDENT) {
                    throw new SyntaxException(name.at, "a name must follow '.'");
                }
                next();
                n = peek().is("(") ? new Call(name.at, n, name.text, arguments()) : new Member(name.at, n, name.text);
            } else if (t.is("[")) {
                next();
                Node index = expression();
                expect("]");
                n = new Index(t.at, n, index);
            } else {
                return n;
            }
        }
    }

    private Node primary() throws SyntaxException {
        Token t = next();
        switch (t.kind) {
            case NUMBER:
                return new Literal(t.at, numberType(t.text));
            case STRING:
                return new Literal(t.at, String.class);
            case CHAR:
                return new Literal(t.at, Character.class);
            case END:
                throw new SyntaxException(t.at, "the condition ends too early");
            default:
                break;
        }
        if (t.is("(")) {
            Node inner = expression();
            expect(")");
            return inner;
        }
        if (t.is("[")) {
            return inline(t.at);
        }
        if (t.kind != Kind.IDENT) {
            throw new SyntaxException(t.at, "'" + t.text + "' cannot start a value");
        }
        switch (t.text) {
            case "true", "false":
                return new Literal(t.at, Boolean.class);
            case "null":
                return new Literal(t.at, Void.class);
            case "this":
                return new Name(t.at, "this");
            case "new":
                String type = typeName();
                return new New(t.at, type, arguments());
            default:
                break;
        }
        if (RESERVED.contains(t.text)) {
            throw new SyntaxException(t.at, "'" + t.text + "' is a word MVEL reads as a keyword, not a name");
        }
        return peek().is("(") ? new Call(t.at, null, t.text, arguments()) : new Name(t.at, t.text);
    }

    /** MVEL's inline list {@code [a, b]} or map {@code [k : v]}; {@code [}} already read. */
    private Node inline(int at) throws SyntaxException {
        List<Node> keys = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        boolean map = false;
        if (!peek().is("]")) {
            do {
                Node first = expression();
                if (peek().is(":") && (map || keys.isEmpty())) {
                    next();
                    map = true;
                    keys.add(first);
                    values.add(expression());
                } else if (map) {
                    throw new SyntaxException(peek().at, "a map entry needs 'key : value'");
                } else {
                    values.add(first);
                }
            } while (accept(","));
        }
        expect("]");
        return map ? new MapOf(at, keys, values) : new ListOf(at, values);
    }

    private List<Node> arguments() throws SyntaxException {
        expect("(");
        List<Node> args = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                args.add(expression());
            } while (accept(","));
        }
        expect(")");
        return args;
    }

    private String typeName() throws SyntaxException {
        StringBuilder name = new StringBuilder(ident());
        while (peek().is(".") && peek(1).kind == Kind.IDENT) {
            next();
            name.append('.').append(ident());
        }
        return name.toString();
    }

    private String ident() throws SyntaxException {
        Token t = next();
        if (t.kind != Kind.IDENT || RESERVED.contains(t.text)) {
            throw new SyntaxException(t.at, "a name is expected here, not '" + t.text + "'");
        }
        return t.text;
    }

    private boolean accept(String op) {
        if (peek().is(op)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String op) throws SyntaxException {
        Token t = next();
        if (!t.is(op)) {
            throw new SyntaxException(t.at, "'" + op + "' is expected here, not '" + t.text + "'");
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind != Kind.END) {
            pos++;
        }
        return t;
    }

    // ---------------------------------------------------------------- tokens

    private static Class<?> numberType(String n) {
        char last = Character.toLowerCase(n.charAt(n.length() - 1));
        if (n.startsWith("0x") || n.startsWith("0X")) {
            return last == 'l' ? Long.class : Integer.class;
        }
        return switch (last) {
            case 'l' -> Long.class;
            case 'f' -> Float.class;
            case 'd' -> Double.class;
            case 'b' -> java.math.BigDecimal.class;
            case 'i' -> java.math.BigInteger.class;
            default -> n.contains(".") || n.contains("e") || n.contains("E") ? Double.class : Integer.class;
        };
    }

    /**
     * @return true for a character nobody sees or that MVEL treats as white space while Java reads it as part of a
     *         name: controls, format characters (soft hyphen, zero-width space, bidi marks), ignorables
     */
    static boolean invisible(int c) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            return false;
        }
        int type = Character.getType(c);
        return Character.isISOControl(c) || Character.isIdentifierIgnorable(c) || type == Character.FORMAT
                || Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    private static List<Token> tokenize(String text) throws SyntaxException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int c = text.codePointAt(i);
            if (invisible(c)) {
                throw new SyntaxException(i, String.format("an invisible character (U+%04X) is in the condition; "
                        + "it could hide a name from the sandbox", c));
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '"' || c == '\'') {
                int k = i + 1; // what a string holds is data, whatever it is
                while (k < n && text.charAt(k) != c) {
                    k += text.charAt(k) == '\\' ? 2 : 1;
                }
                if (k >= n) {
                    throw new SyntaxException(i, "a string is not closed");
                }
                // MVEL reads 'x' as a character only when it is one; else as a string
                boolean isChar = c == '\'' && (k - i == 2 || k - i == 3 && text.charAt(i + 1) == '\\');
                out.add(new Token(isChar ? Kind.CHAR : Kind.STRING, text.substring(i, k + 1), i));
                i = k + 1;
            } else if (Character.isDigit(c)) {
                int k = number(text, i);
                out.add(new Token(Kind.NUMBER, text.substring(i, k), i));
                i = k;
            } else if (Character.isJavaIdentifierStart(c)) {
                int k = i + Character.charCount(c);
                while (k < n && Character.isJavaIdentifierPart(text.codePointAt(k))
                        && !invisible(text.codePointAt(k))) {
                    k += Character.charCount(text.codePointAt(k));
                }
                out.add(new Token(Kind.IDENT, text.substring(i, k), i));
                i = k;
            } else {
                String op = null;
                for (String o : OPERATORS) {
                    if (text.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if (op == null || text.startsWith("!.", i) || text.startsWith("?.", i) || text.startsWith(".?", i)
                        || text.startsWith("++", i) || text.startsWith("--", i) || text.startsWith("=~", i)) {
                    String what = op == null ? new String(Character.toChars(c)) : text.substring(i, i + 2);
                    throw new SyntaxException(i, "'" + what + "' is not part of a condition the sandbox reads");
                }
                out.add(new Token(Kind.OP, op, i));
                i += op.length();
            }
        }
        out.add(new Token(Kind.END, "end of the condition", n));
        return out;
    }

    private static int number(String text, int start) throws SyntaxException {
        int n = text.length();
        int k = start;
        if (text.startsWith("0x", k) || text.startsWith("0X", k)) {
            k += 2;
            while (k < n && Character.digit(text.charAt(k), 16) >= 0) {
                k++;
            }
        } else {
            while (k < n && (Character.isDigit(text.charAt(k)) || text.charAt(k) == '.'
                    && k + 1 < n && Character.isDigit(text.charAt(k + 1)))) {
                k++;
            }
            if (k < n && (text.charAt(k) == 'e' || text.charAt(k) == 'E')) {
                k++;
                if (k < n && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                    k++;
                }
                while (k < n && Character.isDigit(text.charAt(k))) {
                    k++;
                }
            }
        }
        if (k < n && "lLfFdDbBiI".indexOf(text.charAt(k)) >= 0) {
            k++;
        }
        if (k < n && Character.isJavaIdentifierPart(text.charAt(k))) {
            throw new SyntaxException(k, "'" + text.substring(start, k + 1) + "' is not a number the sandbox reads");
        }
        return k;
    }
}
