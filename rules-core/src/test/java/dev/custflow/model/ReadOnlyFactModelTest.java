package dev.custflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RuleCompilationException;
import dev.custflow.RuleSource;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules change a customer only through actions: the types a rule can reach from {@code Customer} (and {@code Rep})
 * offer reads only, and a rule that calls one of the engine's writes does not compile.
 */
class ReadOnlyFactModelTest {
    /** Names of writes: setters, adders, the folding, the bookkeeping; a query may start so too (below). */
    private static final Pattern MUTATOR = Pattern.compile("(set|add|remove|apply|absorb|note|forget|hold|release|"
            + "record|open|close|move|put|clear|reset|update|merge|write|read|dueAt|indexSlot)([A-Z0-9].*)?");
    /** Queries whose names look like writes: each returns a value and changes nothing. */
    private static final Set<String> QUERIES = Set.of("openOrder");

    @Test
    void customerAndWhatItsGettersReturn_haveNoPublicMutator() {
        List<String> offending = new ArrayList<>();
        for (Class<?> type : reachableModelTypes()) {
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass() == Object.class || type.isEnum() && m.getDeclaringClass() == Enum.class) {
                    continue;
                }
                String what = type.getSimpleName() + "." + m.getName() + Arrays.toString(m.getParameterTypes());
                if (m.getReturnType() == void.class) {
                    offending.add(what + " returns nothing");
                }
                if (MUTATOR.matcher(m.getName()).matches() && !QUERIES.contains(m.getName())) {
                    offending.add(what + " is named like a write");
                }
                if (Arrays.stream(m.getParameterTypes()).anyMatch(ReadOnlyFactModelTest::internal)
                        || internal(m.getReturnType())) {
                    offending.add(what + " takes or returns an engine-internal type");
                }
            }
            if (type.getFields().length > 0 && !type.isEnum()) {
                offending.add(type.getSimpleName() + " has public fields " + Arrays.toString(type.getFields()));
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theReachableTypes_includeCustomerItsFacetsValuesAndRep() {
        assertThat(reachableModelTypes()).contains(Customer.class, CustomerContact.class, CustomerHistory.class,
                OpenOrder.class, OpenTicket.class, StageChange.class, ChannelTouch.class, InvalidContact.class,
                Contract.class, Rep.class);
    }

    @Test
    void customerAndRep_cannotBeCreatedOutsideTheEngine() {
        for (Class<?> type : List.of(Customer.class, CustomerContact.class, CustomerHistory.class, Rep.class,
                OpenOrder.class)) {
            assertThat(Modifier.isAbstract(type.getModifiers())).as(type.getSimpleName()).isTrue();
            assertThat(type.getConstructors()).as(type.getSimpleName()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"$c.setOwnerId(\"r\");", "$c.dueAt(0);", "$c.moveTo(Stage.LOST, $c.getNow(), \"x\");",
            "$c.apply(null);", "$c.addTag(\"vip\");", "$c.note(\"x\");"})
    void aRuleCallingAWriteOnTheCustomer_doesNotCompile(String consequence) {
        assertThatThrownBy(() -> build(rule(consequence))).isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("customers.drl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$c.setOwnerId(\"r\");", "$c.dueAt(0);", "$c.ownerId = \"r\";", "$c.segment = null;",
            "$c.nowMillis = 0;"})
    void anMvelRuleWritingToTheCustomer_failsToCompileOrFailsTheEvent_andChangesNothing(String consequence) {
        String drl = rule(consequence).text().replace("when", "dialect \"mvel\"\nwhen");
        Engine e;
        try {
            e = build(drl);
        } catch (RuleCompilationException refused) {
            return; // refused when compiling: MVEL checks the call against Customer
        }
        try (e) {
            // an assignment MVEL resolves at run time finds no setter on the engine's record: the rule fails
            assertThatThrownBy(() -> e.accept(dev.custflow.testdata.Events.order("o1", "C1", "2024-01-01", 100)))
                    .isInstanceOf(dev.custflow.EventRejectedException.class);
            assertThat(e.customer("C1")).hasValueSatisfying(p -> {
                assertThat(p.ownerId()).isNull();
                assertThat(p.segment()).isNull();
            });
        }
    }

    @Test
    void theEnginesRecord_hasNoBeanSetterForAPropertyRulesRead() {
        Set<String> properties = new LinkedHashSet<>();
        for (Method m : Customer.class.getMethods()) {
            String n = m.getName();
            if (m.getParameterCount() == 0 && (n.startsWith("get") || n.startsWith("is"))) {
                properties.add(n.substring(n.startsWith("get") ? 3 : 2));
            }
        }
        assertThat(Arrays.stream(dev.custflow.internal.profile.CustomerRecord.class.getMethods())
                .filter(m -> m.getParameterCount() == 1 && m.getName().startsWith("set")
                        && properties.contains(m.getName().substring(3)))
                .map(Method::getName)).isEmpty();
    }

    @Test
    void aRuleCastingToTheEnginesRecord_isRefusedByTheSandbox() {
        assertThatThrownBy(() -> build(rule(
                "((dev.custflow.internal.profile.CustomerRecord) $c).setOwnerId(\"r\");")))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("rules may not use dev.custflow.internal.profile.CustomerRecord");
    }

    @Test
    void theSameRule_readingThroughGetters_compiles() {
        try (Engine e = build(rule("if ($c.getDaysSinceLastOrder() >= 0 && !$c.hasWarning(\"X\")) { "
                + "actions.addTag($c, \"seen\", \"read only\"); }"))) {
            assertThat(e.accept(dev.custflow.testdata.Events.order("o1", "C1", "2024-01-01", 100)))
                    .extracting(a -> a.type()).contains("TAG_ADDED");
        }
    }

    private static Engine build(RuleSource rules) {
        return Custflow.builder().packs().rules(rules).build();
    }

    private static Engine build(String drl) {
        return build(RuleSource.drl("customers.drl", drl));
    }

    private static RuleSource rule(String consequence) {
        return RuleSource.drl("customers.drl", """
                package test.readonly
                import dev.custflow.model.Customer
                import dev.custflow.model.Stage
                global dev.custflow.rules.Actions actions
                rule "test: touches the customer"
                when
                    $c : Customer( orderCount >= 0 )
                then
                    %s
                end
                """.formatted(consequence));
    }

    private static boolean internal(Class<?> type) {
        return type.getName().startsWith("dev.custflow.internal.");
    }

    /** Customer, Rep, and every model type their public methods return (element types of collections too). */
    private static Set<Class<?>> reachableModelTypes() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(Customer.class, Rep.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            for (Class<?> s = type.getSuperclass(); s != null; s = s.getSuperclass()) {
                if (s.getPackageName().equals(Customer.class.getPackageName())) {
                    todo.push(s);
                }
            }
            for (Method m : type.getMethods()) {
                List<Type> returned = new ArrayList<>(List.of(m.getGenericReturnType()));
                if (m.getGenericReturnType() instanceof ParameterizedType p) {
                    returned.addAll(Arrays.asList(p.getActualTypeArguments()));
                }
                for (Type t : returned) {
                    Class<?> c = t instanceof Class<?> k ? k : t instanceof ParameterizedType p
                            ? (Class<?>) p.getRawType() : null;
                    if (c != null && c.getPackageName().equals(Customer.class.getPackageName())) {
                        todo.push(c);
                    }
                }
            }
        }
        return seen;
    }
}
