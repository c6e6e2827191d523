package dev.custflow;

import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The scenario test of docs/rules.md, as written there (with a rules folder of this module's tests). */
class DocsExampleTest {

    @Test
    void theRuleAuthorsScenarioFromTheDocs() {
        Path rules = Path.of("src/test/resources/docs-example-rules");
        Instant jan1 = Instant.parse("2024-01-01T09:00:00Z");
        RuleVerifier.forEngine(b -> b.packs(RulePack.LIFECYCLE).rulesFrom(rules))
                .given(LeadCaptured.builder("e1", jan1, "L1", "WEBSITE").build(),
                       OrderPlaced.of("e2", jan1.plus(Duration.ofDays(31)), "o1", "L1", new BigDecimal("100")))
                .whenClockAt(Instant.parse("2024-08-01T00:00:00Z"))
                .thenExpectOnly(ExpectedAction.stageChanged("L1", "CUSTOMER", "DORMANT"));
    }

    @Test
    void theExampleRuleOfTheFolderWorks() {
        Instant jan1 = Instant.parse("2024-01-01T09:00:00Z");
        RuleVerifier.forEngine(b -> b.packs().rulesFrom(Path.of("src/test/resources/docs-example-rules")))
                .when(OrderPlaced.of("e2", jan1, "o1", "C1", new BigDecimal("12800.00")))
                .thenExpectOnly(ExpectedAction.of("TAG_ADDED").with("tag", "vip")
                        .with("rule", "example: a first order over 10,000 makes a VIP")
                        .with("reason", "first order of 12800.00"));
    }

    @Test
    void theAddingARuleExampleOfTheDocs_createsTheCareCall() {
        Instant jan1 = Instant.parse("2024-01-01T09:00:00Z");
        RuleVerifier.forEngine(b -> b.packs().rulesFrom(Path.of("src/test/resources/docs-example-rules")))
                .given(LeadCaptured.builder("e1", jan1, "K1", "WEBSITE").build())
                .when(new dev.custflow.event.TicketOpened("e3", jan1.plusSeconds(60), "t1", "K1",
                        dev.custflow.model.TicketKind.COMPLAINT, null))
                .thenExpectNone(); // not a key account
        RuleSource tagKeyAccounts = RuleSource.drl("key.drl", """
                package test.key
                import dev.custflow.model.Customer
                global dev.custflow.rules.Actions actions
                rule "test: every website lead is a key account"
                when $c : Customer( channel == "WEBSITE", !hasTag("key-account") )
                then actions.addTag($c, "key-account", "test");
                end
                """);
        RuleVerifier.forEngine(b -> b.packs().rulesFrom(Path.of("src/test/resources/docs-example-rules"))
                        .rules(tagKeyAccounts))
                .given(LeadCaptured.builder("e1", jan1, "K1", "WEBSITE").build())
                .when(new dev.custflow.event.TicketOpened("e3", jan1.plusSeconds(60), "t1", "K1",
                        dev.custflow.model.TicketKind.COMPLAINT, null))
                .thenExpectOnly(ExpectedAction.of("TASK_CREATED").with("kind", "CARE_CALL")
                        .with("rule", "service: complaint from a key account gets a care call")
                        .with("reason", "key account opened a complaint"));
    }
}
