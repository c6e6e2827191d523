package dev.custflow.insights;

import static dev.custflow.insights.Facts.assigned;
import static dev.custflow.insights.Facts.at;
import static dev.custflow.insights.Facts.feed;
import static dev.custflow.insights.Facts.id;
import static dev.custflow.insights.Facts.lead;
import static dev.custflow.insights.Facts.order;
import static dev.custflow.insights.Facts.reassigned;
import static dev.custflow.insights.Facts.stage;
import static dev.custflow.insights.Facts.time;
import static dev.custflow.insights.KpiBookTest.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.event.RepUpdated;
import dev.custflow.model.Stage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who sees what (docs/kpis.md, "Scopes"), including the cases an attacker would try. */
class ScopeTest {
    private final KpiBook book = KpiBook.builder().build();

    private static RepUpdated rep(String repId, String team, String when) {
        return new RepUpdated(id(), at(when), repId, null, team, null, null, null, null, null);
    }

    private List<String> ids(Scope scope) {
        return book.customers(scope).stream().map(CustomerRow::id).toList();
    }

    private long revenue(Scope scope, String yearMonth) {
        List<KpiRow> rows = book.kpis(scope, KpiQuery.of(Granularity.MONTH, LocalDate.parse(yearMonth + "-01"),
                LocalDate.parse(yearMonth + "-01")));
        return rows.isEmpty() ? 0 : rows.get(0).get(Kpi.REVENUE).value().longValue();
    }

    @BeforeEach
    void twoTeams() {
        feed(book, rep("wang", "EAST", "2026-01-01"));
        feed(book, rep("li", "EAST", "2026-01-01"));
        feed(book, rep("zhao", "KEY", "2026-01-01"));
        feed(book, lead("C1", "2026-03-01", "WEBSITE", "SH"), assigned("C1", "2026-03-01", "wang"));
        feed(book, lead("C2", "2026-03-01", "WEBSITE", "SH"), assigned("C2", "2026-03-01", "li"));
        feed(book, lead("C3", "2026-03-01", "WECHAT", "BJ"), assigned("C3", "2026-03-01", "zhao"));
        feed(book, order("O1", "C1", "2026-03-02", "100"));
        feed(book, order("O2", "C2", "2026-03-02", "200"));
        feed(book, order("O3", "C3", "2026-03-02", "400"));
    }

    @Test
    void aRep_seesOwnCustomers_aTeamItsReps_aDirectorEverything() {
        assertThat(ids(Scope.rep("wang"))).containsExactly("C1");
        assertThat(ids(Scope.team("EAST"))).containsExactly("C1", "C2");
        assertThat(ids(Scope.everything())).containsExactly("C1", "C2", "C3");
        assertThat(revenue(Scope.rep("wang"), "2026-03")).isEqualTo(100);
        assertThat(revenue(Scope.team("EAST"), "2026-03")).isEqualTo(300);
        assertThat(revenue(Scope.everything(), "2026-03")).isEqualTo(700);
        assertThat(book.values(Scope.team("EAST"), Dimension.REP)).containsExactly("li", "wang");
        assertThat(book.customer(Scope.rep("wang"), "C2")).as("another rep's customer is as good as unknown").isEmpty();
    }

    @Test
    void personalData_isMaskedUnlessTheScopeGrantsIt() {
        CustomerRow masked = book.customer(Scope.rep("wang"), "C1").orElseThrow();
        CustomerRow shown = book.customer(Scope.rep("wang").withPersonalData(), "C1").orElseThrow();

        assertThat(masked.phone()).isNotEqualTo("13812345678").doesNotContain("12345");
        assertThat(masked.email()).isNotEqualTo("xiaoming@example.com");
        assertThat(masked.name()).isNotEqualTo("王小明");
        assertThat(shown.phone()).isEqualTo("13812345678");
        assertThat(shown.name()).isEqualTo("王小明");
        assertThat(shown.toString()).doesNotContain("13812345678", "xiaoming@example.com");
        assertThat(masked.channel()).isEqualTo("WEBSITE");
        assertThat(masked.team()).isEqualTo("EAST");
    }

    @Test
    void aRepWhoseIdIsATeamsName_seesOnlyTheirOwnCustomers() {
        feed(book, rep("KEY", "EAST", "2026-01-01"));

        assertThat(ids(Scope.rep("KEY"))).isEmpty();
        assertThat(revenue(Scope.rep("KEY"), "2026-03")).isZero();
        assertThat(ids(Scope.team("KEY"))).containsExactly("C3");
    }

    @Test
    void unknownIds_seeNothing_andBlankIdsAreRefused() {
        assertThat(ids(Scope.rep("nobody"))).isEmpty();
        assertThat(book.kpis(Scope.partner("nobody"), KpiQuery.of(Granularity.MONTH, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1)))).isEmpty();
        assertThat(book.values(Scope.team("nobody"), Dimension.CHANNEL)).isEmpty();
        assertThat(book.span(Scope.rep("nobody"))).isEmpty();
        assertThatThrownBy(() -> Scope.rep(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rep's id");
        assertThatThrownBy(() -> Scope.team(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.kpis(null, KpiQuery.of(Granularity.DAY, LocalDate.MIN, LocalDate.MIN)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aCustomerMovedToAnotherRep_leavesTheOldRepsList_butTheOldFiguresStayWithTheOldRep() {
        time(book, reassigned("C1", "2026-04-01", "zhao"));
        feed(book, order("O4", "C1", "2026-04-02", "1000"));

        assertThat(ids(Scope.rep("wang"))).isEmpty();
        assertThat(ids(Scope.rep("zhao"))).containsExactly("C1", "C3");
        assertThat(revenue(Scope.rep("wang"), "2026-03")).as("wang's March work stays wang's").isEqualTo(100);
        assertThat(revenue(Scope.rep("wang"), "2026-04")).isZero();
        assertThat(revenue(Scope.rep("zhao"), "2026-03")).as("zhao does not get C1's past").isEqualTo(400);
        assertThat(revenue(Scope.rep("zhao"), "2026-04")).isEqualTo(1000);
        assertThat(ids(Scope.team("EAST"))).containsExactly("C2");
    }

    @Test
    void theChurnBase_movesWithTheCustomer() {
        time(book, stage("C1", "2026-03-02", Stage.LEAD, Stage.CUSTOMER), stage("C2", "2026-03-02", Stage.LEAD,
                Stage.CUSTOMER));
        time(book, reassigned("C1", "2026-04-10", "zhao"));
        time(book, stage("C1", "2026-05-10", Stage.CUSTOMER, Stage.DORMANT));

        KpiRow zhaoMay = only(book, Scope.rep("zhao"), Granularity.MONTH, "2026-05");
        assertThat(zhaoMay.get(Kpi.CHURN_RATE).denominator()).isEqualByComparingTo("1");
        assertThat(zhaoMay.get(Kpi.CHURN_RATE).value()).isEqualByComparingTo("1");
        assertThat(book.kpis(Scope.rep("wang"), KpiQuery.of(Granularity.MONTH, LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 1)))).as("wang has no fact in May").isEmpty();
        KpiRow eastMay = only(book, Scope.everything(), Granularity.MONTH, "2026-05");
        assertThat(eastMay.get(Kpi.CHURN_RATE).denominator()).isEqualByComparingTo("2");
    }

    @Test
    void aRepChangingTeam_takesTheCustomersButNotThePastFigures() {
        feed(book, rep("wang", "KEY", "2026-04-01"));
        feed(book, order("O4", "C1", "2026-04-02", "1000"));

        assertThat(ids(Scope.team("EAST"))).containsExactly("C2");
        assertThat(ids(Scope.team("KEY"))).containsExactly("C1", "C3");
        assertThat(revenue(Scope.team("EAST"), "2026-03")).isEqualTo(300);
        assertThat(revenue(Scope.team("EAST"), "2026-04")).isZero();
        assertThat(revenue(Scope.team("KEY"), "2026-04")).isEqualTo(1000);
    }

    @Test
    void aPartner_seesWhatIsSharedWithIt_fromTheMomentOfSharing() {
        assertThat(ids(Scope.partner("dist-1"))).isEmpty();

        book.share("dist-1", "C2", at("2026-03-15"));
        feed(book, order("O4", "C2", "2026-03-20", "50"));
        assertThat(ids(Scope.partner("dist-1"))).containsExactly("C2");
        assertThat(revenue(Scope.partner("dist-1"), "2026-03")).as("the order before sharing is not shown")
                .isEqualTo(50);

        book.unshare("dist-1", "C2", at("2026-04-01"));
        feed(book, order("O5", "C2", "2026-04-02", "70"));
        assertThat(ids(Scope.partner("dist-1"))).isEmpty();
        assertThat(revenue(Scope.partner("dist-1"), "2026-03")).isEqualTo(50);
        assertThat(revenue(Scope.partner("dist-1"), "2026-04")).isZero();
        assertThat(ids(Scope.partner("dist-2"))).isEmpty();
    }

    @Test
    void anErasedCustomer_leavesEveryListAndItsPersonalDataGoes_whileTheCountsStayAnonymous() {
        feed(book, new dev.custflow.event.CustomerErased(id(), at("2026-04-01"), "C1"));

        assertThat(ids(Scope.everything())).containsExactly("C2", "C3");
        assertThat(book.customer(Scope.everything().withPersonalData(), "C1")).isEmpty();
        assertThat(ids(Scope.rep("wang"))).isEmpty();
        assertThat(revenue(Scope.rep("wang"), "2026-03")).isEqualTo(100);
    }
}
