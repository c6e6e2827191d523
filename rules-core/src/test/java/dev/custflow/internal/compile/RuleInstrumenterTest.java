package dev.custflow.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.internal.guard.RuleBudget;
import dev.custflow.internal.guard.RuleLimitExceeded;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.definition.KiePackage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What instrumenting a class adds, shown on a class compiled by javac as rule code is ({@link Sample}), loaded
 * instrumented in a class loader of its own: loops and calls stop once the budget is spent, sizes are checked, and
 * code within the limits answers as before.
 */
class RuleInstrumenterTest {

    /** Stands for a user's consequence and functions. */
    public static final class Sample {
        static final boolean[] FOREVER = {true};

        public static int spin() {
            int i = 0;
            while (FOREVER[0]) {
                i++;
            }
            return i;
        }

        public static int depth(int n) {
            return n == 0 ? 0 : depth(n - 1) + 1;
        }

        public static long[] array(int n) {
            return new long[n];
        }

        public static int[][] grid(int a, int b) {
            return new int[a][b];
        }

        public static String repeat(String s, int n) {
            return s.repeat(n);
        }

        public static List<String> list(int n) {
            return new java.util.ArrayList<>(n);
        }

        public static Map<String, String> map(int n) {
            return new java.util.HashMap<>(n, 0.75f);
        }

        public static List<String> copies(int n) {
            return Collections.nCopies(n, "x");
        }

        public static int[] copy(int[] a, int n) {
            return Arrays.copyOf(a, n);
        }

        public static Integer boxed(int n) {
            return Integer.valueOf(n);
        }
    }

    private static final Class<?> INSTRUMENTED = load();

    private static Class<?> load() {
        String name = Sample.class.getName();
        try (InputStream in = Sample.class.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            byte[] bytes = RuleInstrumenter.instrument(in.readAllBytes());
            return new ClassLoader(RuleInstrumenterTest.class.getClassLoader()) {
                Class<?> define() {
                    return defineClass(name, bytes, 0, bytes.length);
                }
            }.define();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object call(String method, Object... args) throws Throwable {
        for (Method m : INSTRUMENTED.getDeclaredMethods()) {
            if (m.getName().equals(method)) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new IllegalArgumentException(method);
    }

    @AfterEach
    void disarm() {
        RuleBudget.disarm();
    }

    @Test
    void aLoop_stopsOnceTheBudgetIsSpent() {
        RuleBudget.arm(-1);
        assertThatThrownBy(() -> call("spin")).isInstanceOf(RuleLimitExceeded.class)
                .hasMessageContaining("time budget");
    }

    @Test
    void aCall_stopsOnceTheBudgetIsSpent() throws Throwable {
        assertThat(call("depth", 300)).isEqualTo(300);
        RuleBudget.arm(-1);
        assertThatThrownBy(() -> call("depth", 300)).isInstanceOf(RuleLimitExceeded.class);
    }

    @Test
    void arrays_upToTheLimit_areMade_largerOnesStopped() throws Throwable {
        assertThat((long[]) call("array", 10)).hasSize(10);
        assertThatThrownBy(() -> call("array", Integer.MAX_VALUE - 8)).isInstanceOf(RuleLimitExceeded.class)
                .hasMessageContaining("an array of 2147483639 elements");
        assertThat((int[][]) call("grid", 1000, 1000)).hasDimensions(1000, 1000);
        assertThatThrownBy(() -> call("grid", 1001, 1000)).isInstanceOf(RuleLimitExceeded.class);
        assertThatThrownBy(() -> call("grid", 2_000_000, 0)).isInstanceOf(RuleLimitExceeded.class);
    }

    @Test
    void theJdkMethodsThatAllocateByANumber_areGivenOnlyAllowedNumbers() throws Throwable {
        assertThat(call("repeat", "ab", 2)).isEqualTo("abab");
        assertThatThrownBy(() -> call("repeat", "ab", 600_000)).isInstanceOf(RuleLimitExceeded.class);
        assertThat((List<?>) call("list", 10)).isEmpty();
        assertThatThrownBy(() -> call("list", Integer.MAX_VALUE)).isInstanceOf(RuleLimitExceeded.class);
        assertThat((Map<?, ?>) call("map", 10)).isEmpty();
        assertThatThrownBy(() -> call("map", Integer.MAX_VALUE)).isInstanceOf(RuleLimitExceeded.class);
        assertThat(call("copies", 3)).isEqualTo(List.of("x", "x", "x"));
        assertThatThrownBy(() -> call("copies", Integer.MAX_VALUE)).isInstanceOf(RuleLimitExceeded.class);
        assertThat((int[]) call("copy", new int[] {1, 2}, 3)).containsExactly(1, 2, 0);
        assertThatThrownBy(() -> call("copy", new int[] {1}, Integer.MAX_VALUE))
                .isInstanceOf(RuleLimitExceeded.class);
    }

    @Test
    void compilingRules_instrumentsTheUsersClasses_andLeavesTheBuiltInPacksAlone() {
        RuleSource builtIn = RuleSource.ofClasspath(RulePack.LIFECYCLE.resource(), getClass().getClassLoader());
        RuleSource user = RuleSource.drl("user.drl", """
                package user.limits;
                import dev.custflow.model.Customer;
                rule "user: counts"
                when
                    $c : Customer( )
                then
                    int n = 0;
                    for (int i = 0; i < 3; i++) { n += i; }
                end
                """);
        Map<String, Boolean> instrumented = new TreeMap<>();
        for (KiePackage kp : RuleCompiler.compile(List.of(builtIn), List.of(user)).kieBase().getKiePackages()) {
            InternalKnowledgePackage p = (InternalKnowledgePackage) kp;
            if (p.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData data) {
                data.getStore().forEach((k, v) -> instrumented.put(k, new String(v, StandardCharsets.ISO_8859_1)
                        .contains(RuleInstrumenter.BUDGET)));
            }
        }
        assertThat(instrumented.keySet()).anyMatch(k -> k.startsWith("user/"))
                .anyMatch(k -> k.startsWith("dev/custflow/rules/lifecycle/"));
        instrumented.forEach((k, v) -> assertThat(v).as(k).isEqualTo(k.startsWith("user/")));
    }

    @Test
    void aNumberThatSizesNothing_isLeftAlone() throws Throwable {
        assertThat(call("boxed", Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }
}
