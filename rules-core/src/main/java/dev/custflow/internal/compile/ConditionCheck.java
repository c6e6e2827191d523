package dev.custflow.internal.compile;

import dev.custflow.internal.compile.ConditionParser.Binary;
import dev.custflow.internal.compile.ConditionParser.Binding;
import dev.custflow.internal.compile.ConditionParser.Call;
import dev.custflow.internal.compile.ConditionParser.Cast;
import dev.custflow.internal.compile.ConditionParser.Half;
import dev.custflow.internal.compile.ConditionParser.InList;
import dev.custflow.internal.compile.ConditionParser.Index;
import dev.custflow.internal.compile.ConditionParser.InstanceOf;
import dev.custflow.internal.compile.ConditionParser.ListOf;
import dev.custflow.internal.compile.ConditionParser.Literal;
import dev.custflow.internal.compile.ConditionParser.MapOf;
import dev.custflow.internal.compile.ConditionParser.Member;
import dev.custflow.internal.compile.ConditionParser.Name;
import dev.custflow.internal.compile.ConditionParser.New;
import dev.custflow.internal.compile.ConditionParser.Node;
import dev.custflow.internal.compile.ConditionParser.Ternary;
import dev.custflow.internal.compile.ConditionParser.Unary;
import dev.custflow.internal.compile.ConditionScope.Declared;
import dev.custflow.internal.compile.ConditionScope.PackageRef;
import dev.custflow.internal.compile.ConditionScope.StaticRef;
import dev.custflow.text.Suggest;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvel2.util.ParseTools;
import org.mvel2.util.PropertyTools;

/**
 * Works out, without running anything, every class, method and field a parsed condition reaches, with the static
 * types the compiler would see, and lists each one rules may not use ({@link Sandbox#allowed}, the members refused
 * by name) and each name it cannot resolve. A name that could mean more than one thing (a property of the pattern
 * and a global, two imported classes) is checked in every reading. Nothing is loaded with initialisation and
 * nothing is called; the allow-list and the refused members are the bytecode check's.
 */
final class ConditionCheck {
    /**
     * One problem at an offset of the condition.
     *
     * @param member what is refused ("calls java.lang.System.exit(int)"), or null when {@code message} says it all
     * @param why    why it is refused, or the whole message
     */
    record Problem(int at, String member, String why) {
    }

    /** Members refused by name in conditions beyond {@link Sandbox}'s: the bytecode check refuses them too. */
    private static final Map<String, String> MORE_REFUSED = Map.of(
            "printStackTrace", "it writes to the host's standard error",
            "parallel", "parallel streams run on threads outside the engine's partitions",
            "parallelStream", "parallel streams run on threads outside the engine's partitions",
            "parallelSort", "it runs on threads outside the engine's partitions",
            "parallelSetAll", "it runs on threads outside the engine's partitions",
            "parallelPrefix", "it runs on threads outside the engine's partitions");
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%");

    private final Sandbox sandbox;
    private final List<Problem> problems = new ArrayList<>();

    private ConditionCheck(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * @param node    a parsed condition
     * @param scope   what its names mean; a binding in it is added to the scope's declarations
     * @param sandbox the allow-list
     * @param types   receives the condition's possible types (for a binding, the bound value's)
     * @return every problem, in the order found
     */
    static List<Problem> check(Node node, ConditionScope scope, Sandbox sandbox, List<Type> types) {
        ConditionCheck c = new ConditionCheck(sandbox);
        types.addAll(c.value(node, scope));
        return List.copyOf(new LinkedHashSet<>(c.problems));
    }

    // ---------------------------------------------------------------- values and their types

    /** The types of a node used as a value: a class or package standing alone is refused (MVEL makes a Class). */
    private List<Type> value(Node n, ConditionScope s) {
        List<Type> out = new ArrayList<>();
        for (Type t : types(n, s)) {
            if (t instanceof StaticRef r) {
                problem(n.at(), "uses the class " + r.type().getName() + " as a value",
                        "reflection gets around the sandbox");
            } else if (t instanceof PackageRef p) {
                unknownName(n.at(), p, s);
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private List<Type> types(Node n, ConditionScope s) {
        if (n instanceof Literal l) {
            return List.of(l.type() == Void.class ? Object.class : l.type());
        } else if (n instanceof Name name) {
            return name(name, s);
        } else if (n instanceof Member m) {
            return member(m, s);
        } else if (n instanceof Call c) {
            return call(c, s);
        } else if (n instanceof Index i) {
            return index(i, s);
        } else if (n instanceof Unary u) {
            List<Type> operand = value(u.operand(), s);
            return u.op().equals("!") ? List.of(Boolean.class) : operand;
        } else if (n instanceof Binary b) {
            return binary(b, s);
        } else if (n instanceof Half h) {
            value(h.right(), s);
            return List.of(Boolean.class);
        } else if (n instanceof InList in) {
            value(in.left(), s);
            in.values().forEach(v -> value(v, s));
            return List.of(Boolean.class);
        } else if (n instanceof Ternary t) {
            value(t.condition(), s);
            List<Type> out = new ArrayList<>(value(t.then(), s));
            out.addAll(value(t.otherwise(), s));
            return out;
        } else if (n instanceof Cast c) {
            value(c.operand(), s);
            return typeNamed(c.at(), c.type(), s);
        } else if (n instanceof InstanceOf i) {
            value(i.operand(), s);
            typeNamed(i.at(), i.type(), s);
            return List.of(Boolean.class);
        } else if (n instanceof New nw) {
            return construct(nw, s);
        } else if (n instanceof ListOf l) {
            l.values().forEach(v -> value(v, s));
            return List.of(List.class);
        } else if (n instanceof MapOf m) {
            m.keys().forEach(v -> value(v, s));
            m.values().forEach(v -> value(v, s));
            return List.of(Map.class);
        }
        Binding b = (Binding) n;
        Node bound = b.expression() instanceof Binary bin && !ARITHMETIC.contains(bin.op()) ? bin.left() : b.expression();
        List<Type> boundTypes = value(bound, s);
        if (bound != b.expression()) {
            value(b.expression(), s);
        }
        s.declare(b.variable(), boundTypes);
        return boundTypes;
    }

    private List<Type> binary(Binary b, ConditionScope s) {
        List<Type> left = value(b.left(), s);
        List<Type> right = value(b.right(), s);
        if (!ARITHMETIC.contains(b.op())) {
            return List.of(Boolean.class);
        }
        List<Type> all = new ArrayList<>(left);
        all.addAll(right);
        if (b.op().equals("+") && all.stream().anyMatch(t -> ConditionScope.raw(t) == String.class
                || ConditionScope.raw(t) == Character.class || ConditionScope.raw(t) == char.class)) {
            return List.of(String.class);
        }
        for (Class<?> wide : List.of(BigDecimal.class, BigInteger.class, Double.class, Float.class, Long.class)) {
            if (all.stream().anyMatch(t -> box(ConditionScope.raw(t)) == wide)) {
                return List.of(wide);
            }
        }
        return List.of(Integer.class);
    }

    /**
     * A name standing first, read in MVEL's order: a declaration or global (Drools drops those the pattern has a
     * property of), then a class, then a property of the pattern.
     */
    private List<Type> name(Name n, ConditionScope s) {
        if (n.name().equals("this")) {
            if (s.self == null) {
                unknown(n.at(), "'this' means nothing here");
                return List.of();
            }
            return List.of(s.self);
        }
        boolean ownProperty = s.self != null && hasProperty(s.self, n.name());
        List<Type> inputs = s.inputs.getOrDefault(n.name(), List.of());
        if (!inputs.isEmpty() && !ownProperty) {
            return List.copyOf(inputs);
        }
        List<Type> out = new ArrayList<>();
        for (Type t : s.names.simple(n.name())) {
            out.add(t instanceof Class<?> c ? new StaticRef(c) : t);
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (ownProperty) {
            return property(s.self, n.name(), n.at(), true);
        }
        // nothing: the first word of a package, or a misspelt name (reported where it is used)
        return List.of(new PackageRef(n.name()));
    }

    private static boolean hasProperty(Type t, String name) {
        if (t instanceof Declared d) {
            return d.fields.containsKey(name);
        }
        Class<?> c = ConditionScope.raw(t);
        return PropertyTools.getFieldOrAccessor(c, name) != null;
    }

    private List<Type> member(Member m, ConditionScope s) {
        int before = problems.size();
        Set<Type> out = new LinkedHashSet<>();
        List<Type> targets = types(m.target(), s);
        for (Type t : targets) {
            if (t instanceof PackageRef p) {
                String name = p.name() + "." + m.name();
                Type loaded = s.names.declared.containsKey(name) ? s.names.declared.get(name)
                        : ConditionScope.load(name);
                out.add(loaded instanceof Class<?> c ? new StaticRef(c) : loaded != null ? loaded : new PackageRef(name));
            } else if (t instanceof StaticRef r) {
                out.addAll(staticMember(r.type(), m, s));
            } else {
                out.addAll(property(t, m.name(), m.at(), true));
            }
        }
        if (out.isEmpty() && !targets.isEmpty() && problems.size() == before) {
            unknownMember(m.at(), targets.get(0), m.name());
        }
        return List.copyOf(out);
    }

    private List<Type> staticMember(Class<?> c, Member m, ConditionScope s) {
        if (!allowedClass(c, m.at())) {
            return List.of();
        }
        if (m.name().equals("class")) {
            problem(m.at(), "uses " + c.getName() + ".class", "reflection gets around the sandbox");
            return List.of();
        }
        List<Type> out = new ArrayList<>();
        for (Field f : c.getFields()) {
            if (f.getName().equals(m.name()) && Modifier.isStatic(f.getModifiers())) {
                if (fieldAllowed(c, f, m.at())) {
                    out.add(f.getGenericType());
                }
            }
        }
        Class<?> nested = ConditionScope.load(c.getName() + "$" + m.name());
        if (nested != null) {
            out.add(new StaticRef(nested));
        }
        return out;
    }

    /**
     * @param mustExist true to report a name the type lacks (false: another reading of the name may hold)
     * @return the types of {@code name} read on a value of type {@code t}, as MVEL reads a property: a public field,
     *         a getter ({@code getX}, {@code isX}, {@code x()}), or for a map the value under that key
     */
    private List<Type> property(Type t, String name, int at, boolean mustExist) {
        if (t instanceof Declared d) {
            return declaredProperty(d, name, at, mustExist);
        }
        Class<?> c = ConditionScope.raw(t);
        List<Type> out = new ArrayList<>();
        if (name.equals("class")) {
            problem(at, "uses " + c.getName() + ".class", "reflection gets around the sandbox");
            return out;
        }
        if (c.isArray() && name.equals("length")) {
            return List.of(int.class);
        }
        if (Map.class.isAssignableFrom(c)) {
            out.add(ConditionScope.element(t)); // MVEL reads map.key as map.get("key")
        }
        Field field = null;
        for (Field f : c.getFields()) {
            if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
                field = f;
            }
        }
        if (field != null) {
            if (fieldAllowed(c, field, at)) {
                out.add(ConditionScope.resolve(t, field.getGenericType()));
            }
            return out;
        }
        String cap = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Set<String> getters = new java.util.HashSet<>(List.of("get" + cap, "is" + cap, "get" + name, "is" + name, name));
        List<Method> candidates = new ArrayList<>();
        for (Method m : methods(c)) {
            if (getters.contains(m.getName()) && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
                candidates.add(m);
            }
        }
        Method chosen = PropertyTools.getGetter(c, name);
        for (Method m : candidates) {
            if (methodAllowed(c, m, at) && (chosen == null || m.equals(chosen) || candidates.size() == 1)) {
                out.add(ConditionScope.resolve(t, m.getGenericReturnType()));
            }
        }
        if (out.isEmpty() && candidates.isEmpty() && mustExist && !Map.class.isAssignableFrom(c)) {
            unknownMember(at, t, name);
        }
        return out;
    }

    private List<Type> declaredProperty(Declared d, String name, int at, boolean mustExist) {
        Type field = d.resolved.get(name);
        if (field != null) {
            return List.of(field);
        }
        Class<?> sup = ConditionScope.load(d.superType);
        if (sup != null && sandbox.allowed(sup.getName())) {
            return property(sup, name, at, mustExist);
        }
        if (mustExist) {
            unknown(at, d.simpleName() + " has no field '" + name + "'" + Suggest.closest(name, d.fields.keySet())
                    .map(b -> "; did you mean '" + b + "'?").orElse(""));
        }
        return List.of();
    }

    private List<Type> call(Call c, ConditionScope s) {
        List<List<Type>> args = new ArrayList<>();
        for (Node a : c.args()) {
            args.add(value(a, s));
        }
        Set<Type> out = new LinkedHashSet<>();
        if (c.target() == null) {
            boolean found = false;
            if (s.functions.containsKey(c.name())) {
                out.add(s.functions.get(c.name())); // a DRL function: Java, checked as bytecode
                found = true;
            }
            List<Method> imported = s.staticImports.getOrDefault(c.name(), List.of());
            if (!imported.isEmpty()) {
                found = true;
                Class<?> owner = imported.get(0).getDeclaringClass();
                out.addAll(invoke(owner, owner, imported, args, c.at()));
            }
            // MVEL calls a function or an imported method before a method of the pattern's type
            if (!found && s.self != null && hasMethod(s.self, c.name(), args.size())) {
                found = true;
                out.addAll(methodCall(s.self, c, args));
            }
            if (!found) {
                unknownCall(c, s.self);
            }
            return List.copyOf(out);
        }
        for (Type t : types(c.target(), s)) {
            if (t instanceof PackageRef p) {
                unknownName(c.at(), p, s);
            } else if (t instanceof StaticRef r) {
                if (allowedClass(r.type(), c.at())) {
                    List<Method> statics = candidates(r.type(), c.name(), args.size(), true);
                    if (statics.isEmpty()) {
                        unknownCall(c, r.type());
                    }
                    out.addAll(invoke(r.type(), r.type(), statics, args, c.at()));
                }
            } else if (hasMethod(t, c.name(), args.size())) {
                out.addAll(methodCall(t, c, args));
            } else {
                unknownCall(c, t);
            }
        }
        return List.copyOf(out);
    }

    private static boolean hasMethod(Type t, String name, int arity) {
        if (t instanceof Declared d) {
            String field = name.length() > 3 ? Character.toLowerCase(name.charAt(3)) + name.substring(4) : "";
            return arity == 0 && name.startsWith("get") && d.fields.containsKey(field)
                    || Set.of("toString", "hashCode", "equals").contains(name)
                    || ConditionScope.load(d.superType) != null
                    && hasMethod(ConditionScope.load(d.superType), name, arity);
        }
        return !candidates(ConditionScope.raw(t), name, arity, false).isEmpty();
    }

    private List<Type> methodCall(Type t, Call c, List<List<Type>> args) {
        if (t instanceof Declared d) {
            String field = c.name().length() > 3 ? Character.toLowerCase(c.name().charAt(3)) + c.name().substring(4) : "";
            if (c.args().isEmpty() && c.name().startsWith("get") && d.resolved.containsKey(field)) {
                return List.of(d.resolved.get(field));
            }
            if (Set.of("toString", "hashCode", "equals").contains(c.name())) {
                return invoke(Object.class, Object.class, candidates(Object.class, c.name(), args.size(), false), args,
                        c.at());
            }
            Class<?> sup = d.superType == null ? null : ConditionScope.load(d.superType);
            return sup != null && allowedClass(sup, c.at()) ? methodCall(sup, c, args) : List.of();
        }
        Class<?> raw = ConditionScope.raw(t);
        return invoke(t, raw, candidates(raw, c.name(), args.size(), false), args, c.at());
    }

    /** Checks every candidate (MVEL picks among them by the arguments' classes at run time). */
    private List<Type> invoke(Type owner, Class<?> receiver, List<Method> found, List<List<Type>> args, int at) {
        boolean allowed = true;
        for (Method m : found) {
            allowed &= methodAllowed(receiver, m, at);
        }
        if (!allowed) {
            return List.of();
        }
        Class<?>[] argClasses = args.stream().map(a -> a.isEmpty() ? Object.class : ConditionScope.raw(a.get(0)))
                .toArray(Class<?>[]::new);
        Method best = found.size() == 1 ? found.get(0)
                : ParseTools.getBestCandidate(argClasses, found.get(0).getName(), receiver,
                found.toArray(Method[]::new), false);
        Method chosen = best == null ? found.get(0) : best;
        return List.of(ConditionScope.resolve(owner, chosen.getGenericReturnType()));
    }

    private static List<Method> candidates(Class<?> c, String name, int arity, boolean staticOnly) {
        List<Method> out = new ArrayList<>();
        for (Method m : methods(c)) {
            if (m.getName().equals(name) && (!staticOnly || Modifier.isStatic(m.getModifiers()))
                    && (m.getParameterCount() == arity || m.isVarArgs() && arity >= m.getParameterCount() - 1)) {
                out.add(m);
            }
        }
        return out;
    }

    /** Public methods, with Object's for an interface (MVEL finds toString on a List). */
    private static List<Method> methods(Class<?> c) {
        List<Method> out = new ArrayList<>(List.of(c.getMethods()));
        if (c.isInterface()) {
            out.addAll(List.of(Object.class.getMethods()));
        }
        return out;
    }

    private List<Type> index(Index i, ConditionScope s) {
        value(i.index(), s);
        List<Type> out = new ArrayList<>();
        for (Type t : value(i.target(), s)) {
            Type e = ConditionScope.element(t);
            if (e == null) {
                unknown(i.at(), "a " + ConditionScope.raw(t).getSimpleName() + " cannot be indexed with [ ]");
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private List<Type> construct(New n, ConditionScope s) {
        List<List<Type>> args = new ArrayList<>();
        for (Node a : n.args()) {
            args.add(value(a, s));
        }
        List<Type> out = new ArrayList<>();
        for (Type t : typeNamed(n.at(), n.type(), s)) {
            if (t instanceof Class<?> c) {
                List<Constructor<?>> ctors = new ArrayList<>();
                for (Constructor<?> k : c.getConstructors()) {
                    if (k.getParameterCount() == args.size() || k.isVarArgs()) {
                        ctors.add(k);
                    }
                }
                if (ctors.isEmpty()) {
                    unknown(n.at(), c.getSimpleName() + " has no public constructor for " + args.size()
                            + " arguments");
                }
                boolean allowed = true;
                for (Constructor<?> k : ctors) {
                    allowed &= signatureAllowed(c, k, "<init>", n.at());
                }
                if (allowed && !ctors.isEmpty()) {
                    out.add(c);
                }
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** A type named in a cast, {@code instanceof} or {@code new}: it must resolve, and be allowed. */
    private List<Type> typeNamed(int at, String name, ConditionScope s) {
        List<Type> all = s.names.resolve(name);
        if (all.isEmpty()) {
            unknown(at, "'" + name + "' is not a class rules may use (or it is misspelt)");
        }
        List<Type> out = new ArrayList<>();
        for (Type t : all) {
            if (!(t instanceof Class<?> c) || allowedClass(c, at)) {
                out.add(t);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- the allow-list

    private boolean allowedClass(Class<?> c, int at) {
        String why = typeRefusal(c);
        if (why != null) {
            problem(at, "uses " + c.getName(), why);
        }
        return why == null;
    }

    private boolean fieldAllowed(Class<?> owner, Field f, int at) {
        String why = typeRefusal(owner);
        why = why != null ? why : typeRefusal(f.getType());
        if (why != null) {
            problem(at, "uses the field " + owner.getName() + "." + f.getName(), why);
        }
        return why == null;
    }

    private boolean methodAllowed(Class<?> receiver, Method m, int at) {
        return signatureAllowed(receiver, m, m.getName(), at);
    }

    private boolean signatureAllowed(Class<?> receiver, Executable e, String name, int at) {
        String why = Sandbox.refusedMember(name);
        why = why != null ? why : MORE_REFUSED.get(name);
        if (why == null && !Modifier.isPublic(e.getModifiers())) {
            why = "it is not public";
        }
        why = why != null ? why : typeRefusal(receiver);
        for (Class<?> p : e.getParameterTypes()) {
            why = why != null ? why : typeRefusal(p);
        }
        if (why == null && e instanceof Method m) {
            why = typeRefusal(m.getReturnType());
        }
        if (why != null) {
            String desc = e instanceof Method m ? org.objectweb.asm.Type.getMethodDescriptor(m)
                    : org.objectweb.asm.Type.getConstructorDescriptor((Constructor<?>) e);
            problem(at, "calls " + BytecodeCheck.member(org.objectweb.asm.Type.getInternalName(receiver), name, desc),
                    why);
        }
        return why == null;
    }

    /** @return null if rules may use the class, else why not */
    private String typeRefusal(Class<?> type) {
        Class<?> c = type;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive() || sandbox.allowed(c.getName())) {
            return null;
        }
        return Sandbox.reasonFor(c.getName());
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return java.lang.invoke.MethodType.methodType(c).wrap().returnType();
    }

    // ---------------------------------------------------------------- problems

    private void problem(int at, String member, String why) {
        problems.add(new Problem(at, member, why));
    }

    private void unknown(int at, String message) {
        problems.add(new Problem(at, null, message));
    }

    private List<Type> unknownList(int at, String message) {
        unknown(at, message);
        return List.of();
    }

    private void unknownName(int at, PackageRef p, ConditionScope s) {
        if (p.name().startsWith("$")) {
            String name = p.name().contains(".") ? p.name().substring(0, p.name().indexOf('.')) : p.name();
            unknown(at, "'" + name + "' is not declared before this condition");
        } else if (!p.name().contains(".") && s.self != null) {
            unknownMember(at, s.self, p.name());
        } else {
            unknown(at, "'" + p.name() + "' is not a declaration, a global, a property or a class rules may use");
        }
    }

    private void unknownMember(int at, Type t, String name) {
        if (t instanceof StaticRef r) {
            unknown(at, r.type().getSimpleName() + " has no constant or nested class '" + name + "'");
        } else if (t instanceof PackageRef p && p.name().startsWith("$")) {
            unknown(at, "'" + p.name() + "' is not declared before this condition");
        } else if (t instanceof PackageRef p) {
            unknown(at, "'" + p.name() + "." + name + "' is not a class rules may use (or it is misspelt)");
        } else if (t instanceof Declared d) {
            declaredProperty(d, name, at, true);
        } else {
            unknown(at, RuleCompiler.unknownMember(ConditionScope.raw(t).getName(), name));
        }
    }

    private void unknownCall(Call c, Type on) {
        if (on == null) {
            unknown(c.at(), "'" + c.name() + "(..)' is not a function, nor a method rules may use");
        } else if (on instanceof StaticRef r) {
            unknown(c.at(), r.type().getSimpleName() + " has no static method '" + c.name() + "' with "
                    + c.args().size() + " arguments");
        } else if (on instanceof Declared d) {
            unknown(c.at(), d.simpleName() + " has no method '" + c.name() + "' with " + c.args().size()
                    + " arguments");
        } else {
            unknown(c.at(), RuleCompiler.unknownMember(ConditionScope.raw(on).getName(), c.name()));
        }
    }
}
