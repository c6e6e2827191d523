package dev.custflow;

import static dev.custflow.testdata.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.action.Action;
import dev.custflow.event.LeadCaptured;
import dev.custflow.spi.AuditEntry;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Personal data never reaches text for people raw (docs/personal-data.md): each way it could get there is contained,
 * even when a user rule writes it there itself.
 */
class PersonalDataInTextTest {
    private static final LeadCaptured WANG = LeadCaptured.builder("e1", at("2024-03-01"), "L1", "WEBSITE")
            .name("王芳").phone("+86 138-0013-8002").email("Wang.Fang@Example.com").birthday(LocalDate.of(1990, 3, 5))
            .build();

    /** A user rule on {@code $c : <customer>} that does {@code then}, as a careless rule author might write it. */
    private static RuleSource userRule(String customer, String then) {
        return RuleSource.drl("careless.drl", """
                package test.careless
                import dev.custflow.model.*
                global dev.custflow.rules.Actions actions
                rule "test: careless"
                when
                    $c : %s
                then
                    %s
                end
                """.formatted(customer, then));
    }

    @Test
    void aUserRuleWritingContactDataIntoAReason_getsItMasked_inTheActionAndTheAuditTrail() {
        RuleSource rules = userRule("Customer( !hasTag(\"seen\") )", """
                actions.addTag($c, "seen", "new lead " + $c.getName() + ", call " + $c.getPhone() + " or 13800138002"
                        + ", mail " + $c.getEmail() + ", born " + $c.getBirthday());""");
        try (Engine e = Custflow.builder().packs().rules(rules).build()) {
            List<Action> actions = e.accept(WANG);
            String masked = "new lead 王*, call 138****8002 or 138****8002, mail w***@example.com, born (not shown)";
            assertThat(actions).extracting(Action::reason).containsExactly(masked);
            assertThat(e.auditTrail("L1")).extracting(AuditEntry::reason).containsExactly(masked);
        }
    }

    @Test
    void aUserRuleWritingAnUnusableValueIntoAReason_getsItMasked() {
        RuleSource rules = userRule("Customer( !hasTag(\"checked\"), $bad : invalidContact(\"phone\") != null )",
                "actions.addTag($c, \"checked\", \"phone \" + $bad.value() + \" cannot be called\");");
        try (Engine e = Custflow.builder().packs().rules(rules).build()) {
            List<Action> actions = e.accept(LeadCaptured.builder("e1", at("2024-03-01"), "L1", "WEBSITE")
                    .phone("138-0013-800").build());
            assertThat(actions).extracting(Action::reason).containsExactly("phone ****00 cannot be called");
        }
    }

    @Test
    void aRuleThatThrowsWithAPhoneNumber_isReportedWithTheNumberMasked() {
        RuleSource rules = userRule("Customer( phone != null )",
                "actions.addTag($c, \"n\" + Integer.parseInt($c.getPhone()), \"parsed\");");
        try (Engine e = Custflow.builder().packs().rules(rules).build()) {
            BatchResult r = e.acceptAll(List.of(WANG));
            assertThat(r.rejections()).singleElement().satisfies(x -> {
                assertThat(x.message()).contains("NumberFormatException", "138****8002")
                        .doesNotContain("13800138002");
            });
        }
    }

    @Test
    void aRefusedPersonalField_isNamedWithoutItsValue_alsoWhenTheRejectionIsThrownAgainElsewhere() {
        EventRejectedException refused = org.junit.jupiter.api.Assertions.assertThrows(EventRejectedException.class,
                () -> Json.readEvent("{\"type\":\"LeadCaptured\",\"id\":\"e1\",\"at\":\"2024-03-01T09:00:00Z\","
                        + "\"leadId\":\"L1\",\"channel\":\"WEBSITE\",\"birthday\":\"1890-01-01\"}"));
        Rejection r = Rejection.of(refused.at(7, null));
        assertThat(r.message()).contains("line 7", "field 'birthday' (value not shown: it may be personal data)")
                .doesNotContain("1890");
        EventRejectedException again = r.toException();
        assertThat(again.getMessage()).isEqualTo(r.message());
        assertThat(again.at(9, null).getMessage()).contains("line 9", "(value not shown").doesNotContain("1890");
    }

    @Test
    void eventsAndProfiles_printTheirPersonalFieldsMasked() {
        assertThat(WANG.toString()).contains("name=王*", "phone=138****8002", "email=W***@Example.com",
                "birthday=(not shown)").doesNotContain("13800138002", "138-0013-8002", "Wang.Fang", "1990");
        assertThat(new dev.custflow.event.RepUpdated("r", at("2024-03-01"), "rep-7", "李娜", "EAST", null, null, null,
                null, null).toString()).contains("repId=rep-7", "name=李*").doesNotContain("李娜");
        try (Engine e = Custflow.builder().build()) {
            e.accept(WANG);
            assertThat(e.customer("L1").orElseThrow().toString()).contains("phone=138****8002")
                    .doesNotContain("8613800138002", "wang.fang@", "王芳");
        }
    }
}
