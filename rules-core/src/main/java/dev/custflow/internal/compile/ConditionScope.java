package dev.custflow.internal.compile;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mvel2.compiler.AbstractParser;

/**
 * What the names in a condition can mean, statically, as the compiler would see them: the declarations
 * ({@code $c}) and globals with their types, the pattern's own type ({@code this}), the functions, and the
 * classes a simple name can stand for. Where Drools or MVEL could read a name in more than one way, every reading
 * is kept, and {@link ConditionCheck} checks them all.
 */
final class ConditionScope {
    /** A class named where a value could be: the start of a static access ({@code Stage.LEAD}). */
    record StaticRef(Class<?> type) implements Type {
    }

    /** The first words of a fully-qualified name ({@code java.util}), not yet a class. */
    record PackageRef(String name) implements Type {
    }

    /** A type a rule file declares ({@code declare Note text : String end}): it has no class until compiled. */
    static final class Declared implements Type {
        final String name;
        final String superType;
        final Map<String, String> fields;
        final Map<String, Type> resolved = new LinkedHashMap<>();

        Declared(String name, String superType, Map<String, String> fields) {
            this.name = name;
            this.superType = superType;
            this.fields = fields;
        }

        String simpleName() {
            return name.substring(name.lastIndexOf('.') + 1);
        }

        @Override
        public String getTypeName() {
            return name;
        }
    }

    private static final Map<String, Boolean> NO_CLASS = new ConcurrentHashMap<>();

    /** The names one rule file resolves classes with: its package, its imports, the declared types. */
    static final class Names {
        final String pkg;
        final Map<String, String> imports = new HashMap<>();
        final List<String> wildcards = new ArrayList<>();
        /** Every type the user's files declare, by fully-qualified name. */
        final Map<String, Declared> declared;

        Names(String pkg, Map<String, Declared> declared) {
            this.pkg = pkg == null ? "" : pkg;
            this.declared = declared;
        }

        /**
         * @param dotted a type as written: a simple name, a qualified one, or a nested one ({@code Map.Entry})
         * @return every class or declared type it can stand for (empty if none)
         */
        List<Type> resolve(String dotted) {
            String name = dotted.replaceAll("\\s+", "");
            int generic = name.indexOf('<');
            if (generic >= 0) {
                name = name.substring(0, generic);
            }
            Set<Type> out = new LinkedHashSet<>();
            String[] parts = name.split("\\.");
            // the first part as a simple name, the rest as nested classes
            for (Type first : simple(parts[0])) {
                Type t = first;
                for (int i = 1; i < parts.length && t != null; i++) {
                    t = t instanceof Class<?> c ? load(c.getName() + "$" + parts[i]) : null;
                }
                if (t != null) {
                    out.add(t);
                }
            }
            // a fully-qualified name: the shortest prefix that is a class, the rest nested in it
            StringBuilder prefix = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                prefix.append('.').append(parts[i]);
                Type t = declared.get(prefix.toString());
                t = t != null ? t : load(prefix.toString());
                for (int j = i + 1; j < parts.length && t != null; j++) {
                    t = t instanceof Class<?> c ? load(c.getName() + "$" + parts[j]) : null;
                }
                if (t != null) {
                    out.add(t);
                    break;
                }
            }
            return List.copyOf(out);
        }

        /** @return every class a simple name stands for, in Drools' imports or MVEL's own list */
        List<Type> simple(String simple) {
            Set<Type> out = new LinkedHashSet<>();
            Declared own = declared.get(pkg.isEmpty() ? simple : pkg + "." + simple);
            if (own != null) {
                out.add(own);
            }
            String imported = imports.get(simple);
            if (imported != null) {
                Type t = declared.containsKey(imported) ? declared.get(imported) : loadNested(imported);
                if (t != null) {
                    out.add(t);
                }
            }
            if (AbstractParser.CLASS_LITERALS.get(simple) instanceof Class<?> c && !c.isPrimitive()) {
                out.add(c);
            }
            for (String p : packages()) {
                Type t = declared.containsKey(p + "." + simple) ? declared.get(p + "." + simple) : load(p + "." + simple);
                if (t != null) {
                    out.add(t);
                }
            }
            return List.copyOf(out);
        }

        private List<String> packages() {
            List<String> out = new ArrayList<>(wildcards);
            out.add("java.lang");
            if (!pkg.isEmpty()) {
                out.add(pkg);
            }
            return out;
        }
    }

    final Names names;
    /** Declarations, globals, parameters: every type a name may have where it is used. */
    final Map<String, List<Type>> inputs;
    /** The pattern's type, for names without a receiver; null outside a pattern. */
    final Type self;
    /** The DRL functions by name (their bodies are Java, checked as bytecode) with their return types. */
    final Map<String, Type> functions;
    /** Methods imported with {@code import function} or {@code import static}, by name. */
    final Map<String, List<Method>> staticImports;

    ConditionScope(Names names, Map<String, List<Type>> inputs, Type self, Map<String, Type> functions,
                   Map<String, List<Method>> staticImports) {
        this.names = names;
        this.inputs = inputs;
        this.self = self;
        this.functions = functions;
        this.staticImports = staticImports;
    }

    /** @return the same scope for a pattern of another type, sharing the declarations (which grow as read) */
    ConditionScope withSelf(Type type) {
        return new ConditionScope(names, inputs, type, functions, staticImports);
    }

    /** @param type a declaration's type; a second declaration of the name adds a reading */
    void declare(String name, List<Type> types) {
        inputs.computeIfAbsent(name, k -> new ArrayList<>());
        for (Type t : types) {
            if (!inputs.get(name).contains(t)) {
                inputs.get(name).add(t);
            }
        }
    }

    /** @return the class of that name, without initialising it, or null */
    static Class<?> load(String name) {
        if (name == null || NO_CLASS.containsKey(name)) {
            return null;
        }
        try {
            return Class.forName(name, false, ConditionScope.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            NO_CLASS.put(name, Boolean.TRUE);
            return null;
        }
    }

    /** @return the class of a name whose last parts may name nested classes ({@code a.b.Outer.Inner}), or null */
    static Class<?> loadNested(String dotted) {
        String name = dotted;
        Class<?> c = load(name);
        for (int dot = name.lastIndexOf('.'); c == null && dot > 0; dot = name.lastIndexOf('.')) {
            name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            c = load(name);
        }
        return c;
    }

    // ---------------------------------------------------------------- generic types

    /** @return the class a type erases to (Object for a declared type, whose class does not exist yet) */
    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (t instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        if (t instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        if (t instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    /**
     * @param owner the type a member was reached on ({@code List<Order>})
     * @param type  the member's declared type ({@code E})
     * @return the type with the owner's type arguments put in ({@code Order}); a type left open becomes its bound
     */
    static Type resolve(Type owner, Type type) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        bind(owner, bindings, new LinkedHashSet<>());
        return substitute(type, bindings, 0);
    }

    private static void bind(Type t, Map<TypeVariable<?>, Type> bindings, Set<Class<?>> seen) {
        Class<?> c = raw(t);
        if (!seen.add(c)) {
            return;
        }
        if (t instanceof ParameterizedType p) {
            TypeVariable<?>[] vars = c.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < vars.length && i < args.length; i++) {
                bindings.putIfAbsent(vars[i], substitute(args[i], bindings, 0));
            }
        }
        if (c.getGenericSuperclass() != null) {
            bind(c.getGenericSuperclass(), bindings, seen);
        }
        for (Type i : c.getGenericInterfaces()) {
            bind(i, bindings, seen);
        }
    }

    private static Type substitute(Type t, Map<TypeVariable<?>, Type> bindings, int depth) {
        if (depth > 8) {
            return raw(t);
        }
        if (t instanceof TypeVariable<?> v) {
            Type b = bindings.get(v);
            return b != null && !Objects.equals(b, v) ? substitute(b, bindings, depth + 1) : raw(v);
        }
        if (t instanceof WildcardType w) {
            return substitute(w.getUpperBounds()[0], bindings, depth + 1);
        }
        return t;
    }

    /**
     * @param type a collection, map or array type
     * @return the type of its elements (of a map, its values), or null if it has none
     */
    static Type element(Type type) {
        Class<?> c = raw(type);
        if (c.isArray()) {
            return c.getComponentType();
        }
        if (java.util.Map.class.isAssignableFrom(c)) {
            return resolve(type, java.util.Map.class.getTypeParameters()[1]);
        }
        if (java.util.List.class.isAssignableFrom(c)) {
            return resolve(type, java.util.List.class.getTypeParameters()[0]);
        }
        return null;
    }
}
