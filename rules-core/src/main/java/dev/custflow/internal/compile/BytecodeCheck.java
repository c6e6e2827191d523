package dev.custflow.internal.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Reads one compiled class and lists every reference to a class, method or field the rules may not use. This is
 * the authority of the rule sandbox: it sees what the compiler produced, so names spelled with characters javac
 * ignores, code hidden from a text filter, or a package declared to reach a library all end up here as the
 * member they really call.
 *
 * <p>A reference is allowed when its class is on the allow-list (or is one of the classes being checked: a rule's
 * own lambdas, nested classes and functions) and the member is not refused by name; every type in its descriptor
 * must be allowed too, so {@code Object.getClass()} is refused because it returns a {@code Class}. The only
 * {@code invokedynamic} allowed are string concatenation, record methods and lambdas whose target is itself
 * allowed. Drools' own invoker classes (generated with ASM, never by javac, so without a source file) may also use
 * the engine's classes; javac-compiled rule code may use only the few engine members the generated consequence
 * needs ({@link #ENGINE_MEMBERS}).
 */
final class BytecodeCheck {
    /** One forbidden reference: the class and method it is in, its source line (0 if unknown), what, and why. */
    record Violation(String className, String host, String method, int line, String member, String why) {
    }

    /**
     * Engine members javac-compiled rule code may use: the {@code drools} variable's type, reading the globals the
     * built-in DSL reads, the rule's name, and {@code update} (a rule that changed a fact it matched, as the
     * documented examples do). Inserting or deleting facts, halting, or reaching the session otherwise is refused.
     */
    static final Set<String> ENGINE_MEMBERS = Set.of(
            "org/drools/core/rule/consequence/KnowledgeHelper.getKieRuntime()Lorg/kie/api/runtime/KieRuntime;",
            "org/kie/api/runtime/KieRuntime.getGlobal(Ljava/lang/String;)Ljava/lang/Object;",
            "org/drools/core/rule/consequence/KnowledgeHelper.getRule()Lorg/kie/api/definition/rule/Rule;",
            "org/kie/api/definition/rule/Rule.getName()Ljava/lang/String;",
            "org/drools/core/rule/consequence/KnowledgeHelper.update(Ljava/lang/Object;)V",
            "org/drools/core/rule/consequence/KnowledgeHelper.update(Lorg/kie/api/runtime/rule/FactHandle;)V",
            "org/drools/core/rule/consequence/KnowledgeHelper.update(Lorg/kie/api/runtime/rule/FactHandle;Ljava/lang/Object;)V",
            // what Drools compiles update($c) to: the fact's handle, every property changed, the fact's class
            "org/drools/core/rule/consequence/KnowledgeHelper.update(Lorg/kie/api/runtime/rule/FactHandle;"
                    + "Lorg/drools/util/bitmask/BitMask;Ljava/lang/Class;)V",
            "org/drools/core/rule/consequence/KnowledgeHelper.update(Ljava/lang/Object;"
                    + "Lorg/drools/util/bitmask/BitMask;Ljava/lang/Class;)V",
            "org/drools/util/bitmask/AllSetBitMask.get()Lorg/drools/util/bitmask/AllSetBitMask;",
            // an accumulate function's argument: Drools wraps its value for the function
            "org/drools/mvel/field/FieldFactory.getInstance()Lorg/drools/mvel/field/FieldFactory;",
            "org/drools/mvel/field/FieldFactory.getFieldValue(Ljava/lang/Object;)Lorg/drools/base/rule/accessor/FieldValue;",
            "org/drools/mvel/field/FieldFactory.getFieldValue(I)Lorg/drools/base/rule/accessor/FieldValue;",
            "org/drools/mvel/field/FieldFactory.getFieldValue(J)Lorg/drools/base/rule/accessor/FieldValue;",
            "org/drools/mvel/field/FieldFactory.getFieldValue(D)Lorg/drools/base/rule/accessor/FieldValue;",
            "org/drools/mvel/field/FieldFactory.getFieldValue(F)Lorg/drools/base/rule/accessor/FieldValue;",
            "org/drools/mvel/field/FieldFactory.getFieldValue(Z)Lorg/drools/base/rule/accessor/FieldValue;",
            "org/drools/mvel/field/FieldFactory.getFieldValue(C)Lorg/drools/base/rule/accessor/FieldValue;",
            "org/drools/mvel/field/FieldFactory.getFieldValue(S)Lorg/drools/base/rule/accessor/FieldValue;",
            "org/drools/mvel/field/FieldFactory.getFieldValue(B)Lorg/drools/base/rule/accessor/FieldValue;");
    /** Engine types javac-compiled rule code may name (parameters of the generated consequence, a cast). */
    static final Set<String> ENGINE_TYPES = Set.of("org/drools/core/rule/consequence/KnowledgeHelper",
            "org/drools/base/rule/consequence/ConsequenceContext", "org/kie/api/runtime/rule/FactHandle",
            "org/kie/api/runtime/KieRuntime", "org/kie/api/definition/rule/Rule", "org/drools/util/bitmask/BitMask", "org/drools/util/bitmask/AllSetBitMask",
            "org/drools/mvel/field/FieldFactory", "org/drools/base/rule/accessor/FieldValue");

    private static final String CATCH_WHY = "the engine stops a rule that runs too long, recurses too deep or "
            + "allocates too much with an error, which a rule must not catch: catch Exception or a narrower type";
    /** Members refused whatever class they are on, with why. */
    private static final Map<String, String> REFUSED_NAMES = Map.ofEntries(
            Map.entry("wait", "a rule must not block or signal the engine's threads"),
            Map.entry("notify", "a rule must not block or signal the engine's threads"),
            Map.entry("notifyAll", "a rule must not block or signal the engine's threads"),
            Map.entry("printStackTrace", "it writes to the host's standard error"),
            Map.entry("setDefault", "it changes a default of the whole JVM (Locale, TimeZone), not only of the rules"),
            Map.entry("parallel", "parallel streams run on threads outside the engine's partitions"),
            Map.entry("parallelStream", "parallel streams run on threads outside the engine's partitions"),
            Map.entry("parallelSort", "it runs on threads outside the engine's partitions"),
            Map.entry("parallelSetAll", "it runs on threads outside the engine's partitions"),
            Map.entry("parallelPrefix", "it runs on threads outside the engine's partitions"),
            // refused whatever class the host allows, as the text check refuses them
            Map.entry("exit", "it would stop the host"), Map.entry("halt", "it would stop the host"),
            Map.entry("exec", "it starts processes on the host"),
            Map.entry("getenv", "the host's environment is not the rules' business: put values in settings"),
            Map.entry("forName", "class loading gets around the sandbox"),
            Map.entry("loadClass", "class loading gets around the sandbox"),
            Map.entry("defineClass", "class loading gets around the sandbox"),
            Map.entry("setAccessible", "reflection gets around the sandbox"));
    /** Members of allowed classes that are refused, by owner and name, with why. */
    private static final Map<String, String> REFUSED_MEMBERS = Map.of(
            "java/lang/Integer.getInteger", "it reads system properties",
            "java/lang/Long.getLong", "it reads system properties",
            "java/lang/Boolean.getBoolean", "it reads system properties");
    /**
     * What rule code may not catch, whatever the host allows: the engine stops a rule with an error (its time budget,
     * a size limit) or the JVM does (a recursion too deep, memory), and a rule that caught it would run on.
     */
    private static final Map<String, String> UNCATCHABLE = Map.of(
            "java/lang/Throwable", CATCH_WHY, "java/lang/Error", CATCH_WHY,
            "java/lang/VirtualMachineError", CATCH_WHY, "java/lang/StackOverflowError", CATCH_WHY,
            "java/lang/OutOfMemoryError", CATCH_WHY,
            "dev/custflow/internal/guard/RuleLimitExceeded", CATCH_WHY);
    private static final Set<String> OWN_BOOTSTRAPS = Set.of(
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat", "java/lang/runtime/ObjectMethods.bootstrap");
    private static final Set<String> LAMBDA_BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/LambdaMetafactory.altMetafactory");
    /** Drools declares a function's class Externalizable: the interface and its two methods' signatures are allowed. */
    private static final String EXTERNALIZABLE = "java/io/Externalizable";
    private static final Set<String> SERIALIZATION = Set.of("writeExternal(Ljava/io/ObjectOutput;)V",
            "readExternal(Ljava/io/ObjectInput;)V");
    /** Drools' generated invokers implement this; javac-compiled rule code cannot pass for one (see isInvoker). */
    private static final String COMPILED_INVOKER = "org/drools/base/rule/accessor/CompiledInvoker";
    private static final String RETURN_VALUE = "org/drools/base/rule/accessor/ReturnValueExpression";
    /** How Drools writes a character of a rule's name that a Java name cannot hold (':' is {@code $u58$}). */
    private static final Pattern DROOLS_ESCAPE = Pattern.compile("\\$u\\d+\\$");

    private final Predicate<String> allowedClass;
    private final Set<String> own;

    /**
     * @param allowedClass whether a class (dotted name, e.g. {@code java.lang.String}) is on the allow-list
     * @param own          the internal names of the classes checked together (they may call each other)
     */
    BytecodeCheck(Predicate<String> allowedClass, Set<String> own) {
        this.allowedClass = allowedClass;
        this.own = own;
    }

    /**
     * @param bytes a class file
     * @return every forbidden reference in it, in order
     */
    List<Violation> check(byte[] bytes) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, ClassReader.SKIP_FRAMES);
        Scope scope = new Scope(cn, isInvoker(cn));
        scope.type(cn.superName, null, 0);
        cn.interfaces.stream().filter(i -> !i.equals(EXTERNALIZABLE)).forEach(i -> scope.type(i, null, 0));
        for (FieldNode f : cn.fields) {
            scope.descriptor(f.desc, null, 0);
        }
        for (MethodNode m : cn.methods) {
            if (!SERIALIZATION.contains(m.name + m.desc)) {
                scope.descriptor(m.desc, m, 0);
            }
            checkMethod(scope, m);
        }
        return scope.out;
    }

    /**
     * Drools generates its invokers with ASM (no source file), except the one reading an accumulate function's
     * argument, which javac compiles from Drools' own template: a top-level ReturnValueExpression compiled from a
     * file of its own name. Rule code cannot pass for either: a class written into a function or a consequence is
     * nested, or compiled from another file, and the headers of the classes Drools writes are its own. Drools
     * writes a character of the rule's name that Java names cannot hold as {@code $u<code>$} ("pack: what it does"
     * gives {@code Rule_pack$u58$_what...}): that is no nesting.
     */
    static boolean isInvoker(ClassNode cn) {
        String simple = cn.name.substring(cn.name.lastIndexOf('/') + 1);
        return cn.interfaces.contains(COMPILED_INVOKER) && (cn.sourceFile == null
                || cn.interfaces.contains(RETURN_VALUE) && !DROOLS_ESCAPE.matcher(simple).replaceAll("").contains("$")
                && simple.endsWith("Invoker") && cn.sourceFile.equals(simple + ".java"));
    }

    private void checkMethod(Scope s, MethodNode m) {
        int line = 0;
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            String why = t.type == null || s.invoker ? null : UNCATCHABLE.get(t.type);
            if (why != null) {
                s.add(m, lineOf(t), "a catch of " + dotted(t.type), why);
            } else if (t.type != null) {
                s.type(t.type, m, 0);
            }
        }
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof LineNumberNode ln) {
                line = ln.line;
            } else if (insn instanceof MethodInsnNode mi) {
                s.method(mi.owner, mi.name, mi.desc, m, line);
            } else if (insn instanceof FieldInsnNode fi) {
                s.field(fi.owner, fi.name, fi.desc, m, line);
            } else if (insn instanceof TypeInsnNode ti) {
                s.type(ti.desc, m, line);
            } else if (insn instanceof MultiANewArrayInsnNode ma) {
                s.descriptor(ma.desc, m, line);
            } else if (insn instanceof LdcInsnNode ldc) {
                constant(s, ldc.cst, m, line);
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                invokeDynamic(s, indy, m, line);
            }
        }
    }

    /** The source line of a handler: the line of the code just before it, where the try block ends. */
    private static int lineOf(TryCatchBlockNode t) {
        for (AbstractInsnNode i = t.handler; i != null; i = i.getPrevious()) {
            if (i instanceof LineNumberNode ln) {
                return ln.line;
            }
        }
        return 0;
    }

    private void constant(Scope s, Object cst, MethodNode m, int line) {
        if (cst instanceof Type t && t.getSort() == Type.METHOD) {
            s.add(m, line, "a method type constant", "method handles get around the sandbox");
        } else if (cst instanceof Type t) {
            // a class literal of an allowed class is inert (no method that takes a Class is allowed); Drools' update()
            // passes one. Of any other class it is refused like any use of the class.
            String why = s.typeRefusal(t.getSort() == Type.ARRAY ? t.getDescriptor() : t.getInternalName());
            if (why != null) {
                s.add(m, line, "the class literal " + t.getClassName() + ".class", why);
            }
        } else if (cst instanceof Handle h) {
            s.add(m, line, "a method handle to " + member(h.getOwner(), h.getName(), h.getDesc()),
                    "method handles get around the sandbox");
        } else if (cst instanceof ConstantDynamic cd) {
            s.add(m, line, "a dynamic constant (" + cd.getBootstrapMethod().getOwner() + ")",
                    "method handles get around the sandbox");
        }
    }

    private void invokeDynamic(Scope s, InvokeDynamicInsnNode indy, MethodNode m, int line) {
        String bsm = indy.bsm.getOwner() + "." + indy.bsm.getName();
        if (OWN_BOOTSTRAPS.contains(bsm)) {
            s.descriptor(indy.desc, m, line);
            return;
        }
        if (LAMBDA_BOOTSTRAPS.contains(bsm) && indy.bsmArgs.length >= 3 && indy.bsmArgs[1] instanceof Handle impl) {
            // the functional interface, the captured values, and what the lambda runs: its body (a method of this
            // class, checked with it) or a method reference (checked here like a call)
            s.descriptor(indy.desc, m, line);
            if (impl.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
                s.type(impl.getOwner(), m, line);
            }
            s.method(impl.getOwner(), impl.getName(), impl.getDesc(), m, line);
            return;
        }
        s.add(m, line, "invokedynamic " + bsm, "only string concatenation and lambdas may be linked at run time");
    }

    private static String dotted(String name) {
        return name.replace('/', '.');
    }

    /** {@code java.lang.Integer.getInteger(String)}: how a refusal names a method. */
    static String member(String owner, String name, String desc) {
        StringBuilder sb = new StringBuilder(dotted(owner)).append('.').append(name);
        if (desc.startsWith("(")) {
            List<String> params = new ArrayList<>();
            for (Type t : Type.getArgumentTypes(desc)) {
                String c = t.getClassName();
                params.add(c.substring(c.lastIndexOf('.') + 1));
            }
            sb.append('(').append(String.join(", ", params)).append(')');
        }
        return sb.toString();
    }

    /** The violations of one class, with what it may use. */
    private final class Scope {
        final ClassNode cn;
        final boolean invoker;
        final List<Violation> out = new ArrayList<>();

        Scope(ClassNode cn, boolean invoker) {
            this.cn = cn;
            this.invoker = invoker;
        }

        void add(MethodNode m, int line, String what, String why) {
            String host = cn.nestHostClass == null ? cn.name : cn.nestHostClass;
            Violation v = new Violation(cn.name, host, m == null ? null : m.name, line, what, why);
            if (!out.contains(v)) {
                out.add(v);
            }
        }

        /** @return null if allowed, else why not */
        String typeRefusal(String internal) {
            Type t = internal.startsWith("[") ? Type.getType(internal) : Type.getObjectType(internal);
            while (t.getSort() == Type.ARRAY) {
                t = t.getElementType();
            }
            if (t.getSort() != Type.OBJECT) {
                return null;
            }
            String n = t.getInternalName();
            if (own.contains(n) || allowedClass.test(dotted(n)) || ENGINE_TYPES.contains(n)
                    || invoker && (n.startsWith("org/drools/") || n.startsWith("org/kie/"))) {
                return null;
            }
            return Sandbox.reasonFor(dotted(n));
        }

        void type(String internal, MethodNode m, int line) {
            String why = typeRefusal(internal);
            if (why != null) {
                add(m, line, dotted(internal.startsWith("[") ? Type.getType(internal).getClassName() : internal), why);
            }
        }

        void descriptor(String desc, MethodNode m, int line) {
            Type t = Type.getType(desc);
            List<Type> types = new ArrayList<>();
            if (t.getSort() == Type.METHOD) {
                types.addAll(List.of(t.getArgumentTypes()));
                types.add(t.getReturnType());
            } else {
                types.add(t);
            }
            for (Type x : types) {
                if (x.getSort() == Type.OBJECT || x.getSort() == Type.ARRAY) {
                    type(x.getDescriptor().startsWith("[") ? x.getDescriptor() : x.getInternalName(), m, line);
                }
            }
        }

        void method(String owner, String name, String desc, MethodNode m, int line) {
            String what = member(owner, name, desc);
            String key = owner + "." + name;
            if (ENGINE_MEMBERS.contains(key + desc)) {
                return;
            }
            if (own.contains(owner)) {
                descriptor(desc, m, line);
                return;
            }
            if (invoker && isEngine(owner)) {
                return; // Drools' generated invoker calling its runtime (ConsequenceGenerator, MethodComparator)
            }
            if (invoker && key.equals("java/lang/Object.getClass")) {
                return; // the generated equals() compares the invokers' classes
            }
            String why = REFUSED_MEMBERS.getOrDefault(key, REFUSED_NAMES.get(name));
            if (why == null && isEngine(owner) && !ENGINE_TYPES.contains(owner)) {
                why = Sandbox.reasonFor(dotted(owner));
            } else if (why == null && isEngine(owner)) {
                why = "the engine's session belongs to Custflow: act through actions and schedule";
            }
            if (why == null) {
                why = typeRefusal(owner);
            }
            if (why == null) {
                for (Type t : Type.getArgumentTypes(desc)) {
                    why = why != null ? why : refusalOf(t);
                }
                why = why != null ? why : refusalOf(Type.getReturnType(desc));
            }
            if (why != null) {
                add(m, line, what, why);
            }
        }

        private String refusalOf(Type t) {
            return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY ? typeRefusal(
                    t.getSort() == Type.ARRAY ? t.getDescriptor() : t.getInternalName()) : null;
        }

        void field(String owner, String name, String desc, MethodNode m, int line) {
            if (own.contains(owner)) {
                descriptor(desc, m, line);
                return;
            }
            String why = typeRefusal(owner);
            why = why != null ? why : refusalOf(Type.getType(desc));
            if (why != null) {
                add(m, line, "the field " + dotted(owner) + "." + name, why);
            }
        }
    }

    private static boolean isEngine(String owner) {
        return owner.startsWith("org/drools/") || owner.startsWith("org/kie/");
    }
}
