package dev.custflow.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.RuleSource;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadLost;
import dev.custflow.event.OrderPlaced;
import dev.custflow.internal.compile.RuleCompiler;
import dev.custflow.internal.profile.CustomerRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/** Which facts a rule base can match: an event no pattern names need not go into the session. */
class FactTypesTest {
    private static KieBase base(String when) {
        return RuleCompiler.compile(List.of(), List.of(RuleSource.drl("t.drl", """
                package test.facts
                import dev.custflow.model.*
                import dev.custflow.event.*
                rule "test: a rule"
                when
                """ + when + """
                then
                end
                """))).kieBase();
    }

    @Test
    void aClassNamedByAPattern_isMatched_othersAreNot() {
        KieBase b = base("    LeadLost( )\n    Customer( )\n");
        assertThat(FactTypes.matched(b, LeadLost.class)).isTrue();
        assertThat(FactTypes.matched(b, CustomerRecord.class)).isTrue(); // through its supertype Customer
        assertThat(FactTypes.matched(b, OrderPlaced.class)).isFalse();
        assertThat(FactTypes.matched(b, InteractionLogged.class)).isFalse();
    }

    @Test
    void aPatternOnAnInterfaceOrOnObject_matchesEveryImplementation() {
        assertThat(FactTypes.matched(base("    dev.custflow.event.Event( )\n"), OrderPlaced.class)).isTrue();
        assertThat(FactTypes.matched(base("    Object( )\n"), OrderPlaced.class)).isTrue();
    }

    @Test
    void aFactInsertedOnceThatNoRuleNames_isStillNotMatched() {
        KieBase b = base("    Customer( )\n");
        KieSession s = b.newKieSession();
        try {
            s.insert("a string no rule names"); // Drools adds an empty node to the network for its class
        } finally {
            s.dispose();
        }
        assertThat(FactTypes.matched(b, String.class)).isFalse();
    }

    @Test
    void aClassThatOnlyAnAccumulateReads_isMatched() {
        assertThat(FactTypes.matched(base("    Number( ) from accumulate( $o : OrderPlaced( ), count( $o ) )\n"),
                OrderPlaced.class)).isTrue();
    }
}
