package dev.custflow.internal.compile;

import dev.custflow.RuleMessage;
import dev.custflow.internal.compile.ConditionParser.Literal;
import dev.custflow.internal.compile.ConditionParser.Member;
import dev.custflow.internal.compile.ConditionParser.Name;
import dev.custflow.internal.compile.ConditionParser.Node;
import dev.custflow.internal.compile.ConditionParser.SyntaxException;
import dev.custflow.internal.compile.ConditionParser.Unary;
import dev.custflow.internal.compile.ConditionScope.Declared;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BehaviorDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QualifiedName;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The sandbox for what Drools does not compile to classes: the conditions. A user's rule file is read with Drools'
 * own parser ({@link DrlParser}) before anything of it is compiled, and every piece of it that Drools would hand to
 * MVEL, which interprets it, is checked here: each pattern's constraints, {@code from} sources, accumulate
 * functions' arguments, salience and {@code enabled} expressions. Each is parsed strictly
 * ({@link ConditionParser}) and every class, method and field it reaches is resolved with static types and checked
 * against the same allow-list as the bytecode check ({@link ConditionCheck}). What Drools evaluates while it
 * compiles (a rule's annotations, a declared field's default value, an enum's arguments) must be a literal, and
 * what makes MVEL lax or reaches the engine's configuration ({@code @typesafe}, timers, calendars, the MVEL
 * dialect) is refused. Code Drools compiles with javac (consequences, {@code eval}, functions) is the bytecode
 * check's: {@code eval} is read here too when it is a plain expression, for a message at its line.
 */
public final class ConditionSandbox {
    /** One file to check: its name, as the author knows it, and the DRL Drools compiles. */
    public record Source(String file, String drl) {
    }

    /** Annotations of a declared type or field Drools understands itself; others name classes it would load. */
    private static final Set<String> TYPE_ANNOTATIONS = Set.of("role", "timestamp", "duration", "expires", "key",
            "position", "propertyreactive", "classreactive", "serialversionuid", "propertychangesupport", "label",
            "description");
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "auto-focus");
    private static final Set<String> STRING_ATTRIBUTES = Set.of("agenda-group", "activation-group",
            "ruleflow-group", "date-effective", "date-expires");
    /** Drools' own accumulate functions and what they produce (sum and average: whichever Number fits). */
    private static final Map<String, Class<?>> ACCUMULATE_FUNCTIONS = Map.of("count", Long.class, "countDistinct",
            Long.class, "sum", Number.class, "average", Number.class, "min", Comparable.class, "max", Comparable.class,
            "collectList", List.class, "collectSet", Set.class);
    private static final Pattern WORD = Pattern.compile("-?[\\p{L}\\p{N}_]+");
    private static final Pattern BEHAVIOUR_PARAMETER = Pattern.compile("[\\w ]+");
    private static final Pattern GLOBAL = Pattern.compile("(?m)^\\s*global\\s+([\\w.$]+)\\s+(\\w+)");

    private ConditionSandbox() {
    }

    /**
     * @param user     the user's files, as Drools will compile them (a DSLR after expansion, a table as its DRL)
     * @param builtIns the text of the trusted sources, for the globals they declare
     * @param sandbox  the allow-list
     * @return the problems of each file that has any, by file name; a file listed must not be compiled
     */
    public static Map<String, List<RuleMessage>> check(List<Source> user, List<String> builtIns, Sandbox sandbox) {
        Map<Source, PackageDescr> parsed = new LinkedHashMap<>();
        for (Source s : user) {
            PackageDescr p = parse(s.drl());
            if (p != null) {
                parsed.put(s, p);
            }
        }
        Symbols symbols = new Symbols();
        for (String text : builtIns) {
            Matcher m = GLOBAL.matcher(text);
            while (m.find()) {
                Class<?> type = ConditionScope.load(m.group(1));
                if (type != null) {
                    symbols.globals.put(m.group(2), type);
                }
            }
        }
        parsed.values().forEach(symbols::declare);
        parsed.values().forEach(symbols::resolveDeclared);
        Map<String, List<RuleMessage>> out = new LinkedHashMap<>();
        parsed.forEach((s, p) -> {
            List<RuleMessage> found = new FileCheck(s.file(), s.drl(), p, symbols, sandbox).check();
            if (!found.isEmpty()) {
                out.computeIfAbsent(s.file(), k -> new ArrayList<>()).addAll(found);
            }
        });
        return out;
    }

    /** @return the file as Drools' parser reads it (null if it reads nothing; Drools reports why) */
    static PackageDescr parse(String drl) {
        try {
            return new DrlParser().parse(false, drl);
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }

    /** What the user's files declare for each other: types, functions, globals, queries. */
    static final class Symbols {
        final Map<String, Declared> declared = new HashMap<>();
        final Map<String, Type> globals = new HashMap<>();
        final Map<String, Map<String, String>> functions = new HashMap<>();
        final Set<String> queries = new java.util.HashSet<>();
        private final Map<PackageDescr, ConditionScope.Names> names = new HashMap<>();

        void declare(PackageDescr p) {
            ConditionScope.Names n = new ConditionScope.Names(p.getName(), declared);
            names.put(p, n);
            for (TypeDeclarationDescr t : p.getTypeDeclarations()) {
                Map<String, String> fields = new LinkedHashMap<>();
                t.getFields().forEach((name, f) -> fields.put(name, f.getPattern() == null ? "Object"
                        : f.getPattern().getObjectType()));
                String superType = t.getSuperTypes().isEmpty() ? null : t.getSuperTypes().get(0).getFullName();
                String fqcn = (p.getName() == null || p.getName().isEmpty() ? "" : p.getName() + ".") + t.getTypeName();
                if (ConditionScope.load(fqcn) == null && !t.getTypeName().contains(".")) {
                    declared.put(fqcn, new Declared(fqcn, superType, fields));
                }
            }
            p.getFunctions().forEach(f -> functions.computeIfAbsent(p.getName(), k -> new HashMap<>())
                    .put(f.getName(), f.getReturnType()));
            p.getRules().stream().filter(r -> r instanceof QueryDescr).forEach(r -> queries.add(r.getName()));
        }

        /** Field types and global types, now that every declared type is known. */
        void resolveDeclared(PackageDescr p) {
            ConditionScope.Names n = names(p);
            for (TypeDeclarationDescr t : p.getTypeDeclarations()) {
                Declared d = declared.get((p.getName() == null || p.getName().isEmpty() ? "" : p.getName() + ".")
                        + t.getTypeName());
                if (d != null) {
                    d.fields.forEach((field, type) -> {
                        List<Type> r = n.resolve(type);
                        d.resolved.put(field, r.isEmpty() ? Object.class : r.get(0));
                    });
                }
            }
            for (GlobalDescr g : p.getGlobals()) {
                List<Type> r = n.resolve(g.getType());
                if (!r.isEmpty()) {
                    globals.put(g.getIdentifier(), r.get(0));
                }
            }
        }

        ConditionScope.Names names(PackageDescr p) {
            ConditionScope.Names n = names.get(p);
            if (n.imports.isEmpty() && n.wildcards.isEmpty()) {
                for (ImportDescr i : p.getImports()) {
                    String target = i.getTarget().strip();
                    if (target.endsWith(".*")) {
                        n.wildcards.add(target.substring(0, target.length() - 2));
                    } else {
                        n.imports.put(target.substring(target.lastIndexOf('.') + 1), target);
                    }
                }
            }
            return n;
        }
    }

    /** The check of one file, with its messages. */
    private static final class FileCheck {
        private final String file;
        private final String drl;
        private final int[] lineStarts;
        private final PackageDescr pkg;
        private final Symbols symbols;
        private final Sandbox sandbox;
        private final ConditionScope.Names names;
        private final Map<String, Type> functions = new HashMap<>();
        private final Map<String, List<Method>> staticImports = new HashMap<>();
        private final List<RuleMessage> out = new ArrayList<>();
        /** The rule, type or declaration being read: where a message goes when its own place is unknown. */
        private BaseDescr owner;

        FileCheck(String file, String drl, PackageDescr pkg, Symbols symbols, Sandbox sandbox) {
            this.file = file;
            this.drl = drl;
            this.pkg = pkg;
            this.symbols = symbols;
            this.sandbox = sandbox;
            this.names = symbols.names(pkg);
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = 0; i < drl.length(); i++) {
                if (drl.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        List<RuleMessage> check() {
            imports();
            symbols.functions.getOrDefault(pkg.getName(), Map.of()).forEach((name, type) -> {
                List<Type> r = names.resolve(type == null ? "void" : type);
                functions.put(name, r.isEmpty() ? Object.class : r.get(0));
            });
            for (AttributeDescr a : pkg.getAttributes()) {
                attribute("the file", a, null);
            }
            for (GlobalDescr g : pkg.getGlobals()) {
                for (Type t : names.resolve(g.getType())) {
                    typeAllowed(t, g, "the global " + g.getIdentifier() + " is of type " + t.getTypeName());
                }
            }
            for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
                typeDeclaration(t);
            }
            for (EnumDeclarationDescr e : pkg.getEnumDeclarations()) {
                annotations("the enum " + e.getTypeName(), e.getAnnotations(), TYPE_ANNOTATIONS);
                for (EnumLiteralDescr l : e.getLiterals()) {
                    for (String arg : l.getConstructorArgs()) {
                        literal("the enum " + e.getTypeName(), arg, l, "an enum constant's argument");
                    }
                }
            }
            for (WindowDeclarationDescr w : pkg.getWindowDeclarations()) {
                pattern("the window " + w.getName(), w.getPattern(), scope(Map.of()));
            }
            for (RuleDescr r : pkg.getRules()) {
                rule(r);
            }
            out.sort(java.util.Comparator.comparingInt(RuleMessage::line).thenComparingInt(RuleMessage::column));
            return out;
        }

        private void imports() {
            for (ImportDescr i : pkg.getImports()) {
                String target = i.getTarget().strip();
                if (!target.endsWith(".*") && !symbols.declared.containsKey(target)) {
                    // the class it names, or the class a longer name starts with (a.B.member)
                    Class<?> c = null;
                    for (int dot = target.indexOf('.'); c == null && dot > 0; dot = target.indexOf('.', dot + 1)) {
                        c = ConditionScope.loadNested(target.substring(0, dot));
                    }
                    c = c != null ? c : ConditionScope.loadNested(target);
                    if (c != null && !sandbox.allowed(c.getName())) {
                        error(i, "rules may not import " + target + ": " + Sandbox.reasonFor(c.getName()));
                    }
                }
            }
            for (FunctionImportDescr f : pkg.getFunctionImports()) {
                String target = f.getTarget().strip();
                int dot = target.lastIndexOf('.');
                Class<?> c = dot < 0 ? null : ConditionScope.load(target.substring(0, dot));
                String member = target.substring(dot + 1);
                String why = c == null ? null : Sandbox.refusedMember(member);
                why = why != null || c == null || sandbox.allowed(c.getName()) ? why : Sandbox.reasonFor(c.getName());
                if (why != null) {
                    error(f, "rules may not import the function " + target + ": " + why);
                } else if (c != null) {
                    for (Method m : c.getMethods()) {
                        if (m.getName().equals(member) && Modifier.isStatic(m.getModifiers())) {
                            staticImports.computeIfAbsent(member, k -> new ArrayList<>()).add(m);
                        }
                    }
                }
            }
            for (AccumulateImportDescr a : pkg.getAccumulateImports()) {
                String target = a.getTarget().strip();
                if (!sandbox.allowed(target)) {
                    error(a, "rules may not import the accumulate function " + target + ": "
                            + Sandbox.reasonFor(target) + " (Drools' own functions need no import)");
                }
            }
        }

        private void typeDeclaration(TypeDeclarationDescr t) {
            owner = t;
            String who = "the type " + t.getTypeName();
            if (t.isTrait()) {
                error(t, who + " is a trait, which rules may not declare");
            }
            annotations(who, t.getAnnotations(), TYPE_ANNOTATIONS);
            for (QualifiedName sup : t.getSuperTypes()) {
                List<Type> r = names.resolve(sup.getFullName());
                for (Type s : r) {
                    typeAllowed(s, t, who + " extends " + s.getTypeName());
                }
            }
            for (TypeFieldDescr f : t.getFields().values()) {
                annotations(who, f.getAnnotations(), TYPE_ANNOTATIONS);
                if (f.getPattern() != null) {
                    for (Type ft : names.resolve(f.getPattern().getObjectType())) {
                        typeAllowed(ft, f, who + " has a field of type " + ft.getTypeName());
                    }
                }
                if (f.getInitExpr() != null && !f.getInitExpr().isBlank()) {
                    literal(who, f.getInitExpr(), f, "a field's default value");
                }
            }
        }

        private void rule(RuleDescr r) {
            owner = r;
            String who = (r instanceof QueryDescr ? "the query \"" : "the rule \"") + r.getName() + "\"";
            Map<String, List<Type>> inputs = new LinkedHashMap<>();
            if (r instanceof QueryDescr q) {
                for (int i = 0; i < q.getParameters().length; i++) {
                    List<Type> types = names.resolve(q.getParameterTypes()[i]);
                    types.forEach(t -> typeAllowed(t, q, who + " has a parameter of type " + t.getTypeName()));
                    inputs.put(q.getParameters()[i], new ArrayList<>(types));
                }
            }
            ConditionScope scope = scope(inputs);
            annotations(who, r.getAnnotations(), null);
            List<AttributeDescr> expressions = new ArrayList<>();
            for (AttributeDescr a : r.getAttributes().values()) {
                if (attribute(who, a, expressions)) {
                    expressions.add(a);
                }
            }
            if (r.getLhs() != null) {
                element(who, r.getLhs(), scope);
            }
            // salience and enabled may read the rule's declarations: checked once they are known
            for (AttributeDescr a : expressions) {
                expression(who, a.getValue(), a, scope, false, "its " + a.getName());
            }
        }

        /** @return true if the attribute's value is an expression to check with the rule's declarations */
        private boolean attribute(String who, AttributeDescr a, List<AttributeDescr> expressions) {
            String name = a.getName();
            String value = a.getValue() == null ? "" : a.getValue().strip();
            if (name.equals("salience") || name.equals("enabled")) {
                boolean literal = value.matches("\\(?\\s*(-?\\d+|true|false)\\s*\\)?");
                if (!literal && expressions == null) {
                    error(a, who + ": " + name + " must be a number or true/false here, not " + quote(value));
                }
                return !literal && expressions != null;
            }
            if (name.equals("dialect")) {
                String dialect = value.replace("\"", "").strip();
                if (!dialect.equals("java")) {
                    error(a, who + " uses the " + (dialect.equals("mvel") ? "MVEL" : dialect) + " dialect, which rules "
                            + "may not use (MVEL runs code the sandbox cannot check: use dialect \"java\")");
                }
            } else if (BOOLEAN_ATTRIBUTES.contains(name)) {
                if (!value.matches("true|false|")) {
                    error(a, who + ": " + name + " takes true or false, not " + value);
                }
            } else if (Set.of("timer", "calendars", "duration").contains(name)) {
                error(a, who + " uses " + name + ", which rules may not use (Drools evaluates it as MVEL): a rule "
                        + "that waits for a time calls schedule.wakeAt in its consequence");
            } else if (!STRING_ATTRIBUTES.contains(name)) {
                error(a, who + " uses the attribute " + name + ", which rules may not use");
            }
            return false;
        }

        /** Drools evaluates annotation values with MVEL while it compiles: they must be literals. */
        private void annotations(String who, java.util.Collection<AnnotationDescr> annotations, Set<String> known) {
            for (AnnotationDescr a : annotations) {
                if (known != null && !known.contains(a.getName().toLowerCase(Locale.ROOT))) {
                    error(a, who + " has the annotation @" + a.getName() + ", which rules may not use there (known: "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
                    continue;
                }
                for (Object v : a.getValueMap().values()) {
                    annotationValue(who, a, v);
                }
            }
        }

        private void annotationValue(String who, AnnotationDescr a, Object v) {
            if (v instanceof AnnotationDescr nested) {
                nested.getValueMap().values().forEach(x -> annotationValue(who, a, x));
            } else if (v instanceof Object[] array) {
                for (Object x : array) {
                    annotationValue(who, a, x);
                }
            } else if (v != null) {
                literal(who, v.toString(), a, "an annotation's value (@" + a.getName() + ")");
            }
        }

        /**
         * A value Drools evaluates with MVEL while compiling: a literal, a word, or a constant of an allowed class
         * ({@code dev.custflow.model.Stage.LEAD}); no call, no {@code new}.
         */
        private void literal(String who, String text, BaseDescr where, String what) {
            String t = text.strip();
            if (t.length() > 1 && t.startsWith("(") && t.endsWith(")")) {
                t = t.substring(1, t.length() - 1).strip();
            }
            if (WORD.matcher(t).matches()) {
                return; // a number, a word (event, IMMEDIATE), a time (1h30m)
            }
            Node node;
            try {
                node = ConditionParser.parse(t, false);
            } catch (SyntaxException e) {
                error(where, who + ": " + what + " must be a literal (a string, a number, true or false), not "
                        + quote(text));
                return;
            }
            if (!(node instanceof Literal || node instanceof Name || node instanceof Unary u
                    && u.operand() instanceof Literal || constant(node))) {
                error(where, who + ": " + what + " must be a literal (a string, a number, true or false), not "
                        + quote(text) + "; Drools evaluates it while compiling");
            } else if (constant(node)) {
                expression(who, t, where, scope(Map.of()), false, what);
            }
        }

        private static boolean constant(Node n) {
            return n instanceof Member m && (m.target() instanceof Name || constant(m.target()));
        }

        private ConditionScope scope(Map<String, List<Type>> inputs) {
            Map<String, List<Type>> all = new LinkedHashMap<>();
            symbols.globals.forEach((k, v) -> all.put(k, new ArrayList<>(List.of(v))));
            inputs.forEach((k, v) -> all.put(k, new ArrayList<>(v)));
            return new ConditionScope(names, all, null, functions, staticImports);
        }

        // ---------------------------------------------------------------- the conditions

        private void element(String who, BaseDescr d, ConditionScope s) {
            if (d instanceof PatternDescr p) {
                pattern(who, p, s);
            } else if (d instanceof EvalDescr e) {
                eval(who, e, s);
            } else if (d instanceof ConditionalBranchDescr b) {
                if (b.getCondition() != null) {
                    String text = String.valueOf(b.getCondition().getContent());
                    check(who, text, at(text, offset(b.getCondition())), s, false, "a branch's condition", false);
                }
                if (b.getElseBranch() != null) {
                    element(who, b.getElseBranch(), s);
                }
            } else if (d instanceof NamedConsequenceDescr) {
                return; // do[name]: Java, checked as bytecode
            } else if (d instanceof ConditionalElementDescr ce) { // and, or, not, exists, forall
                for (BaseDescr c : ce.getDescrs()) {
                    element(who, c, s);
                }
            } else {
                error(d, who + " has a condition of a kind the sandbox does not check ("
                        + d.getClass().getSimpleName().replace("Descr", "") + ")");
            }
        }

        private void pattern(String who, PatternDescr p, ConditionScope s) {
            if (p.isQuery() || symbols.queries.contains(p.getObjectType())) {
                for (BaseDescr c : p.getDescrs()) {
                    if (c instanceof ExprConstraintDescr e) {
                        constraint(who, e, s, false);
                    }
                }
                return;
            }
            if (p.getSource() != null) {
                source(who, p, s);
            }
            List<Type> types = p.getObjectType() == null ? List.of() : names.resolve(p.getObjectType());
            if (types.isEmpty()) {
                error(p, who + ": " + p.getObjectType() + " is not a class rules may use (or it is misspelt)");
                return;
            }
            for (Type t : types) {
                typeAllowed(t, p, who + " matches " + t.getTypeName());
            }
            if (p.getIdentifier() != null) {
                s.declare(p.getIdentifier(), types);
            }
            for (BehaviorDescr b : p.getBehaviors()) {
                for (String param : b.getParameters()) {
                    if (!BEHAVIOUR_PARAMETER.matcher(param).matches()) {
                        error(p, who + ": a window's length must be a number or a time (1d, 30m), not " + quote(param));
                    }
                }
            }
            ConditionScope own = s.withSelf(types.get(0));
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    constraint(who, e, own, true);
                } else {
                    error(c, who + " has a constraint of a kind the sandbox does not check ("
                            + c.getClass().getSimpleName().replace("Descr", "") + ")");
                }
            }
        }

        private void source(String who, PatternDescr p, ConditionScope s) {
            BaseDescr src = p.getSource();
            int from = offset(p);
            if (src instanceof FromDescr f) {
                String text = f.getExpression();
                expression(who, text, at(text, from), s, false, "its from");
            } else if (src instanceof AccumulateDescr a) {
                if (a.getInput() != null) {
                    element(who, a.getInput(), s);
                }
                if (a.getInitCode() != null || a.getActionCode() != null || a.getResultCode() != null) {
                    // Drools compiles it into a class of its own code and the author's, which no allow-list fits
                    error(p, who + " accumulates with init/action/result code, which rules may not use: use an "
                            + "accumulate function (" + String.join(", ", ACCUMULATE_FUNCTIONS.keySet().stream()
                            .sorted().toList()) + ")");
                }
                for (AccumulateDescr.AccumulateFunctionCallDescr fn : a.getFunctions()) {
                    Class<?> result = ACCUMULATE_FUNCTIONS.get(fn.getFunction());
                    boolean imported = pkg.getAccumulateImports().stream()
                            .anyMatch(i -> i.getFunctionName().equals(fn.getFunction()));
                    if (result == null && !imported) {
                        error(p, who + " uses the accumulate function " + fn.getFunction() + ", which is not one of "
                                + "Drools' own (" + String.join(", ", ACCUMULATE_FUNCTIONS.keySet().stream().sorted()
                                .toList()) + ")");
                    }
                    for (String param : fn.getParams()) {
                        expression(who, param, at(param, from), s, false, "an accumulate function's argument");
                    }
                    if (fn.getBind() != null) {
                        s.declare(fn.getBind(), List.of(result == null ? Object.class : result));
                    }
                }
            } else if (src instanceof CollectDescr c) {
                pattern(who, c.getInputPattern(), s);
            } else if (!(src instanceof EntryPointDescr || src instanceof WindowReferenceDescr)) {
                error(p, who + " takes facts from a source the sandbox does not check ("
                        + src.getClass().getSimpleName().replace("Descr", "") + ")");
            }
        }

        private void constraint(String who, ExprConstraintDescr e, ConditionScope s, boolean binding) {
            int start = offset(e);
            String text = e.getExpression();
            int at = drl.startsWith(text, start) ? start : at(text, start);
            check(who, text, at, s, binding, "a condition", false);
        }

        /** eval(...) is Java, compiled and checked as bytecode; read here for a message at its own line. */
        private void eval(String who, EvalDescr e, ConditionScope s) {
            String text = String.valueOf(e.getContent());
            check(who, text, at(text, offset(e)), s, false, "an eval", true);
        }

        private void expression(String who, String text, BaseDescr where, ConditionScope s, boolean binding,
                                String what) {
            expression(who, text, at(text, offset(where)), s, binding, what);
        }

        private void expression(String who, String text, int at, ConditionScope s, boolean binding, String what) {
            check(who, text, at, s, binding, what, false);
        }

        /**
         * @param at       where the text starts in the file (-1 if unknown)
         * @param advisory true for Java code the bytecode check covers: only refusals are reported, not what this
         *                 parser cannot read
         */
        private void check(String who, String text, int at, ConditionScope s, boolean binding, String what,
                           boolean advisory) {
            Node node;
            try {
                node = ConditionParser.parse(text, binding);
            } catch (SyntaxException e) {
                if (!advisory) {
                    report(at, e.at, who + ": the sandbox cannot read " + what + " " + quote(text) + ": "
                            + e.getMessage() + ". Conditions read properties, call methods of the fact model and "
                            + "compare; put the rest in the consequence");
                }
                return;
            }
            for (ConditionCheck.Problem p : ConditionCheck.check(node, s, sandbox, new ArrayList<>())) {
                if (p.member() != null) {
                    report(at, p.at(), who + " " + p.member() + " in " + what + ", which rules may not use ("
                            + p.why() + ")");
                } else if (!advisory) {
                    report(at, p.at(), p.why());
                }
            }
        }

        private void typeAllowed(Type t, BaseDescr where, String what) {
            if (t instanceof Class<?> c && !sandbox.allowed(c.getName())) {
                error(where, what + ", which rules may not use (" + Sandbox.reasonFor(c.getName()) + ")");
            }
        }

        // ---------------------------------------------------------------- places

        /** @return where a descr starts in the file, or -1 */
        private int offset(BaseDescr descr) {
            BaseDescr d = descr != null && descr.getLine() > 0 ? descr : owner;
            if (d == null || d.getLine() <= 0 || d.getLine() > lineStarts.length) {
                return -1;
            }
            return Math.min(drl.length(), lineStarts[d.getLine() - 1] + Math.max(0, d.getColumn()));
        }

        /** @return where {@code text} is first written at or after {@code from}, or {@code from} */
        private int at(String text, int from) {
            int i = from < 0 ? -1 : drl.indexOf(text, from);
            return i >= 0 ? i : from;
        }

        private void report(int start, int inText, String message) {
            int offset = start < 0 ? -1 : start + Math.max(0, inText);
            if (offset < 0) {
                out.add(new RuleMessage(file, 0, 0, RuleMessage.Severity.ERROR, message));
                return;
            }
            int line = 0;
            while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
                line++;
            }
            out.add(new RuleMessage(file, line + 1, offset - lineStarts[line] + 1, RuleMessage.Severity.ERROR,
                    message));
        }

        private void error(BaseDescr descr, String message) {
            BaseDescr where = descr != null && descr.getLine() > 0 ? descr : owner;
            int line = where == null ? 0 : Math.max(0, where.getLine());
            int column = where == null || where.getColumn() < 0 ? 0 : where.getColumn() + 1;
            out.add(new RuleMessage(file, line, column, RuleMessage.Severity.ERROR, message));
        }

        private static String quote(String text) {
            String t = text.strip().replaceAll("\\s+", " ");
            return "'" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "'";
        }
    }
}
