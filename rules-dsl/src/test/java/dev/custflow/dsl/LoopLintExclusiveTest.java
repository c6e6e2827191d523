package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two rules that set and undo the same tag are no loop when their conditions cannot hold together: an accumulate
 * result that needs an element which the other rule's {@code not ... from} forbids, or two constraints on the same
 * property that no value meets. Rules whose conditions can hold together still warn.
 */
class LoopLintExclusiveTest {
    private static final String HEADER = """
            package my.rules;

            import dev.custflow.model.*;
            global dev.custflow.rules.Actions actions;

            """;

    @TempDir
    Path dir;

    private List<String> warnings(String drl) throws IOException {
        LintFolder folder = new LintFolder(dir);
        folder.write("complaints.drl", HEADER + drl);
        return folder.lint(false).stream().filter(l -> l.contains(": warning: ")).toList();
    }

    @Test
    void accumulatedCount_againstNotFrom_keepsTwoRulesApart() throws IOException {
        // the false alarm of issue 21: three open complaints tag the customer, none left removes the tag
        assertThat(warnings("""
                rule "service: three open complaints mark a troubled account"
                when
                    $c : Customer( !hasTag("troubled") )
                    Number( intValue >= 3 ) from accumulate(
                        $t : OpenTicket( kind == TicketKind.COMPLAINT ) from $c.openTickets, count( $t ) )
                then
                    actions.addTag($c, "troubled", "three complaints are open");
                end

                rule "service: no open complaint clears the mark"
                when
                    $c : Customer( hasTag("troubled") )
                    not OpenTicket( kind == TicketKind.COMPLAINT ) from $c.openTickets
                then
                    actions.removeTag($c, "troubled", "no complaint is open");
                end
                """)).isEmpty();
    }

    @Test
    void anAccumulatedCountOfNone_againstAPatternFromTheSource_keepsTwoRulesApart() throws IOException {
        assertThat(warnings("""
                rule "contracts: customers without a contract are watched"
                when
                    $customer : Customer( !hasTag("watch") )
                    Number( intValue == 0 ) from accumulate( $k : Contract( ) from $customer.contracts, count( $k ) )
                then
                    actions.addTag($customer, "watch", "no contract");
                end

                rule "contracts: a big contract ends the watch"
                when
                    $c : Customer( hasTag("watch") )
                    Contract( amount != null ) from $c.contracts
                then
                    actions.removeTag($c, "watch", "a contract");
                end
                """)).isEmpty();
    }

    @Test
    void notFrom_againstTheSamePatternWithMoreConstraints_keepsTwoRulesApart() throws IOException {
        assertThat(warnings("""
                rule "service: customers without open tickets are calm"
                when
                    $c : Customer( !hasTag("calm") )
                    not OpenTicket( ) from $c.openTickets
                then
                    actions.addTag($c, "calm", "no ticket");
                end

                rule "service: an open complaint ends the calm"
                when
                    $c : Customer( hasTag("calm") )
                    exists OpenTicket( kind == TicketKind.COMPLAINT ) from $c.openTickets
                then
                    actions.removeTag($c, "calm", "a complaint");
                end
                """)).isEmpty();
    }

    @Test
    void contradictoryConstraintsOnTheCustomer_keepTwoRulesApart() throws IOException {
        assertThat(warnings("""
                rule "sales: big buyers are key accounts"
                when
                    $c : Customer( orderCount >= 10, region == "华东", !hasTag("key") )
                then
                    actions.addTag($c, "key", "ten orders");
                end

                rule "sales: small buyers are not"
                when
                    $c : Customer( orderCount < 5, hasTag("key") )
                then
                    actions.removeTag($c, "key", "fewer than five orders");
                end

                rule "sales: key accounts belong to their region"
                when
                    $c : Customer( region == "华南", hasTag("key") )
                then
                    actions.removeTag($c, "key", "another region");
                end
                """)).isEmpty();
    }

    @Test
    void anAccumulatedSumThatMayBeZero_andOverlappingRanges_stillWarn() throws IOException {
        // a sum of at most 100 also holds with no contract at all, and 3 to 10 orders meet both ranges: a customer
        // can match both rules, which then undo each other
        assertThat(warnings("""
                rule "contracts: small contract holders are watched"
                when
                    $c : Customer( orderCount >= 3, !hasTag("watch") )
                    Number( intValue <= 100 ) from accumulate( $k : Contract( amount != null ) from $c.contracts,
                        sum( $k.amount().intValue() ) )
                then
                    actions.addTag($c, "watch", "small contracts");
                end

                rule "contracts: customers without a contract are not watched"
                when
                    $c : Customer( orderCount <= 10, hasTag("watch") )
                    not Contract( ) from $c.contracts
                then
                    actions.removeTag($c, "watch", "no contract");
                end
                """)).singleElement().asString().contains("undo each other");
    }

    @Test
    void aCountOfComplaints_againstNoRepairTicket_stillWarns() throws IOException {
        // the same rules as the false alarm, but a customer with three complaints and no repair matches both
        assertThat(warnings("""
                rule "service: three open complaints mark a troubled account"
                when
                    $c : Customer( !hasTag("troubled") )
                    Number( intValue >= 3 ) from accumulate(
                        $t : OpenTicket( kind == TicketKind.COMPLAINT ) from $c.openTickets, count( $t ) )
                then
                    actions.addTag($c, "troubled", "three complaints are open");
                end

                rule "service: no open repair clears the mark"
                when
                    $c : Customer( hasTag("troubled") )
                    not OpenTicket( kind == TicketKind.REPAIR ) from $c.openTickets
                then
                    actions.removeTag($c, "troubled", "no repair is open");
                end
                """)).singleElement().asString().contains("undo each other");
    }
}
