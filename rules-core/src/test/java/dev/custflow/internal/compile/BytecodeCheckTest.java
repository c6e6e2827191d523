package dev.custflow.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** The bytecode check on small hand-made classes: what a compiled rule may reference, without Drools. */
class BytecodeCheckTest {
    private static final String NAME = "my/rules/Rule_x_1";
    private static final BytecodeCheck CHECK = new BytecodeCheck(Sandbox.DEFAULT::allowed, Set.of(NAME));

    /** A class with one static method {@code run()} whose body {@code body} writes, at source line 12. */
    private static byte[] classWith(Consumer<MethodVisitor> body, boolean sourceFile, String... interfaces) {
        return named(NAME, sourceFile ? "Rule_x_1.java" : null, body, interfaces);
    }

    private static List<BytecodeCheck.Violation> check(Consumer<MethodVisitor> body) {
        return CHECK.check(classWith(body, true));
    }

    private static Consumer<MethodVisitor> call(int op, String owner, String name, String desc) {
        return mv -> {
            for (Type t : Type.getArgumentTypes(desc)) {
                mv.visitInsn(t.getSort() == Type.INT ? Opcodes.ICONST_0 : Opcodes.ACONST_NULL);
            }
            mv.visitMethodInsn(op, owner, name, desc, owner.equals("java/util/List"));
            mv.visitInsn(Type.getReturnType(desc).getSize() == 2 ? Opcodes.POP2 : Type.getReturnType(desc).getSize() == 1
                    ? Opcodes.POP : Opcodes.NOP);
        };
    }

    @Test
    void aHarmlessJdkCall_passes() {
        assertThat(check(call(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", "(I)Ljava/lang/String;"))).isEmpty();
        assertThat(check(call(Opcodes.INVOKESTATIC, "java/lang/Math", "max", "(II)I"))).isEmpty();
    }

    @Test
    void aRefusedMemberOfAnAllowedClass_isNamedWithItsLineAndWhy() {
        assertThat(check(call(Opcodes.INVOKESTATIC, "java/lang/Integer", "getInteger",
                "(Ljava/lang/String;)Ljava/lang/Integer;"))).containsExactly(new BytecodeCheck.Violation(NAME, NAME,
                "run", 12, "java.lang.Integer.getInteger(String)", "it reads system properties"));
    }

    @Test
    void aClassOffTheList_isRefused_asCallFieldAndType() {
        assertThat(check(call(Opcodes.INVOKESTATIC, "java/lang/System", "lineSeparator", "()Ljava/lang/String;")))
                .singleElement().extracting(BytecodeCheck.Violation::member)
                .isEqualTo("java.lang.System.lineSeparator()");
        assertThat(check(mv -> {
            mv.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/System", "out", "Ljava/io/PrintStream;");
            mv.visitInsn(Opcodes.POP);
        })).singleElement().extracting(BytecodeCheck.Violation::member).isEqualTo("the field java.lang.System.out");
        assertThat(check(mv -> {
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitTypeInsn(Opcodes.CHECKCAST, "java/io/File");
            mv.visitInsn(Opcodes.POP);
        })).singleElement().extracting(BytecodeCheck.Violation::member).isEqualTo("java.io.File");
        assertThat(check(mv -> {
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Thread");
            mv.visitInsn(Opcodes.POP);
        })).singleElement().extracting(BytecodeCheck.Violation::why).asString().startsWith("threads run outside");
    }

    @Test
    void aMethodWhoseSignatureNamesAForbiddenType_isRefused() {
        assertThat(check(call(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;")))
                .singleElement().extracting(BytecodeCheck.Violation::why).isEqualTo("reflection gets around the sandbox");
    }

    @Test
    void aClassLiteralOfAClassOffTheList_andAMethodHandleConstant_areRefused() {
        assertThat(check(mv -> {
            mv.visitLdcInsn(Type.getObjectType("java/lang/Runtime"));
            mv.visitInsn(Opcodes.POP);
        })).singleElement().extracting(BytecodeCheck.Violation::member)
                .isEqualTo("the class literal java.lang.Runtime.class");
        assertThat(check(mv -> {
            mv.visitLdcInsn(new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Math", "abs", "(I)I", false));
            mv.visitInsn(Opcodes.POP);
        })).singleElement().extracting(BytecodeCheck.Violation::why).isEqualTo("method handles get around the sandbox");
    }

    private static final Handle METAFACTORY = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory",
            "metafactory", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
            + "Ljava/lang/invoke/CallSite;", false);

    private static Consumer<MethodVisitor> lambdaTo(String owner, String name) {
        return mv -> {
            mv.visitInvokeDynamicInsn("apply", "()Ljava/util/function/Function;", METAFACTORY,
                    Type.getType("(Ljava/lang/Object;)Ljava/lang/Object;"),
                    new Handle(Opcodes.H_INVOKESTATIC, owner, name, "(Ljava/lang/String;)Ljava/lang/Integer;", false),
                    Type.getType("(Ljava/lang/String;)Ljava/lang/Integer;"));
            mv.visitInsn(Opcodes.POP);
        };
    }

    @Test
    void aLambda_isCheckedByWhatItRuns() {
        assertThat(check(lambdaTo(NAME, "lambda$run$0"))).isEmpty();
        assertThat(check(lambdaTo("java/lang/Integer", "valueOf"))).isEmpty();
        assertThat(check(lambdaTo("java/lang/Integer", "getInteger"))).singleElement()
                .extracting(BytecodeCheck.Violation::member).isEqualTo("java.lang.Integer.getInteger(String)");
    }

    @Test
    void anyOtherInvokeDynamic_isRefused() {
        Handle bsm = new Handle(Opcodes.H_INVOKESTATIC, "my/Linker", "link", "(Ljava/lang/invoke/MethodHandles$Lookup;"
                + "Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);
        assertThat(check(mv -> mv.visitInvokeDynamicInsn("run", "()V", bsm))).singleElement()
                .extracting(BytecodeCheck.Violation::member).isEqualTo("invokedynamic my/Linker.link");
    }

    @Test
    void theEngine_isOffLimits_exceptTheFormsDroolsGenerates() {
        Consumer<MethodVisitor> halt = call(Opcodes.INVOKEINTERFACE, "org/kie/api/runtime/KieRuntime", "getEnvironment",
                "()Lorg/kie/api/runtime/Environment;");
        assertThat(check(halt)).singleElement().extracting(BytecodeCheck.Violation::why).asString()
                .startsWith("the engine's session belongs to Custflow");
        assertThat(check(call(Opcodes.INVOKEINTERFACE, "org/kie/api/runtime/KieRuntime", "getGlobal",
                "(Ljava/lang/String;)Ljava/lang/Object;"))).isEmpty();
        Consumer<MethodVisitor> generate = call(Opcodes.INVOKESTATIC, "org/drools/mvel/asm/ConsequenceGenerator", "generate",
                "(Lorg/drools/mvel/asm/ConsequenceStub;Lorg/drools/base/rule/consequence/ConsequenceContext;"
                        + "Lorg/drools/base/base/ValueResolver;)V");
        assertThat(check(generate)).isNotEmpty();
        // Drools' invokers are written with ASM (no source file): javac-compiled rule code cannot pass for one
        String invoker = "org/drools/base/rule/accessor/CompiledInvoker";
        assertThat(CHECK.check(classWith(generate, false, invoker))).isEmpty();
        assertThat(CHECK.check(classWith(generate, true, invoker))).isNotEmpty();
    }

    @Test
    void drools_javacCompiledAccumulateInvoker_mayUseTheEngine_butNotAClassWrittenInto() {
        String invoker = "my/rules/Rule_x_1AccumulateExpression0Invoker";
        Consumer<MethodVisitor> engine = call(Opcodes.INVOKEVIRTUAL, "org/drools/base/rule/Declaration", "getIdentifier",
                "()Ljava/lang/String;");
        String[] interfaces = {"org/drools/base/rule/accessor/ReturnValueExpression",
                "org/drools/base/rule/accessor/CompiledInvoker"};
        assertThat(CHECK.check(named(invoker, "Rule_x_1AccumulateExpression0Invoker.java", engine, interfaces)))
                .isEmpty();
        // the same class compiled from another file (written into a function or consequence) is rule code
        assertThat(CHECK.check(named(invoker, "Home.java", engine, interfaces))).isNotEmpty();
        assertThat(CHECK.check(named(invoker + "$1", "Rule_x_1AccumulateExpression0Invoker.java", engine,
                interfaces))).isNotEmpty();
    }

    @Test
    void drools_accumulateInvokerOfARuleNamedLikeThePacks_isAnInvoker_butNotAClassNestedInIt() {
        // "service: three complaints" is Rule_service$u58$_three_complaints...: Drools' escape, not a nesting
        String invoker = "my/rules/Rule_service$u58$_three_complaints_1AccumulateExpression0Invoker";
        String file = "Rule_service$u58$_three_complaints_1AccumulateExpression0Invoker.java";
        Consumer<MethodVisitor> engine = call(Opcodes.INVOKEVIRTUAL, "org/drools/base/rule/Declaration", "getIdentifier",
                "()Ljava/lang/String;");
        String[] interfaces = {"org/drools/base/rule/accessor/ReturnValueExpression",
                "org/drools/base/rule/accessor/CompiledInvoker"};
        assertThat(CHECK.check(named(invoker, file, engine, interfaces))).isEmpty();
        assertThat(CHECK.check(named(invoker + "$1", file, engine, interfaces))).isNotEmpty();
        assertThat(CHECK.check(named(invoker + "$u58$", file, engine, interfaces))).isNotEmpty();
    }

    /** A try block around nothing, with a handler catching {@code type}. */
    private static Consumer<MethodVisitor> catching(String type) {
        return mv -> {
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            Label after = new Label();
            mv.visitTryCatchBlock(start, end, handler, type);
            mv.visitLabel(start);
            mv.visitInsn(Opcodes.NOP);
            mv.visitLabel(end);
            mv.visitJumpInsn(Opcodes.GOTO, after);
            mv.visitLabel(handler);
            mv.visitInsn(Opcodes.POP);
            mv.visitLabel(after);
        };
    }

    @Test
    void catchingWhatStopsARule_isRefused_evenWhenTheHostAllowsTheClass() {
        BytecodeCheck everythingAllowed = new BytecodeCheck(c -> true, Set.of(NAME));
        for (String type : List.of("java/lang/Throwable", "java/lang/Error", "java/lang/StackOverflowError",
                "java/lang/OutOfMemoryError", "dev/custflow/internal/guard/RuleLimitExceeded")) {
            assertThat(everythingAllowed.check(classWith(catching(type), true))).as(type).singleElement()
                    .satisfies(v -> {
                        assertThat(v.member()).isEqualTo("a catch of " + type.replace('/', '.'));
                        assertThat(v.line()).isEqualTo(12);
                        assertThat(v.why()).contains("a rule must not catch");
                    });
        }
        assertThat(check(catching("java/lang/Exception"))).isEmpty();
        assertThat(check(catching("java/lang/ArithmeticException"))).isEmpty();
        assertThat(check(catching(null))).as("finally").isEmpty();
    }

    /** A class {@code name} compiled from {@code sourceFile} (null: none named), its {@code run()} at line 12. */
    private static byte[] named(String name, String sourceFile, Consumer<MethodVisitor> body, String... interfaces) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", interfaces);
        if (sourceFile != null) {
            cw.visitSource(sourceFile, null);
        }
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()V", null, null);
        mv.visitCode();
        Label l = new Label();
        mv.visitLabel(l);
        mv.visitLineNumber(12, l);
        body.accept(mv);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
