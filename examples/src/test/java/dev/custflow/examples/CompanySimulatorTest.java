package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.RepUpdated;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The simulated company: deterministic from its seed, in time order, and a year of plausible business. */
class CompanySimulatorTest {
    private static final CompanySimulator.Config SMALL = CompanySimulator.Config.ofDefaults().withCustomers(300);

    private static List<Event> events(CompanySimulator.Config config) {
        try (Stream<Event> s = CompanySimulator.of(config).events()) {
            return s.collect(Collectors.toList());
        }
    }

    @Test
    void sameSeed_givesIdenticalEvents() {
        assertThat(events(SMALL)).isEqualTo(events(SMALL)).hasSizeGreaterThan(1_000);
    }

    @Test
    void differentSeed_givesDifferentEvents() {
        List<Event> a = events(SMALL);
        List<Event> b = events(SMALL.withSeed(43));

        assertThat(b).isNotEqualTo(a);
        // not just shifted: the leads come through other channels at other times
        assertThat(leads(b)).extracting(LeadCaptured::channel).isNotEqualTo(leads(a).stream()
                .map(LeadCaptured::channel).collect(Collectors.toList()));
    }

    @Test
    void everyConfiguredCustomer_arrivesAsALead_someTwiceThroughAnotherChannel() {
        List<LeadCaptured> leads = leads(events(SMALL));
        Set<String> ids = leads.stream().map(LeadCaptured::leadId).collect(Collectors.toSet());

        assertThat(ids.stream().filter(id -> !id.endsWith("-2"))).hasSize(300);
        assertThat(ids).allMatch(id -> id.matches("cust-\\d{5}(-2)?"));
    }

    @Test
    void leadsComeFromSeveralChannels_andTradeShowLeadsOnTheShowDays() {
        List<LeadCaptured> leads = leads(events(SMALL));

        assertThat(leads.stream().map(LeadCaptured::channel).distinct())
                .contains("WEBSITE", "WECHAT", "BAIDU_ADS", "TENCENT_ADS", "TRADE_SHOW", "REFERRAL");
        ZoneId zone = SMALL.zone();
        assertThat(leads.stream().filter(l -> l.channel().equals("TRADE_SHOW"))
                .map(l -> LocalDate.ofInstant(l.at(), zone)).distinct()).hasSize(2);
    }

    @Test
    void referralLeads_comeWithACodeTheCompanyIssuedToAnEarlierCustomer_aFewMistyped() {
        List<Event> events = events(CompanySimulator.Config.ofDefaults());
        java.util.Map<String, String> issuedTo = new java.util.HashMap<>();
        java.util.Map<String, Instant> arrived = new java.util.HashMap<>();
        int withCode = 0;
        int unknown = 0;
        for (Event e : events) {
            if (e instanceof dev.custflow.event.ReferralCodeIssued issued) {
                assertThat(arrived).as("issued to a customer who arrived before").containsKey(issued.customerId());
                issuedTo.put(issued.code(), issued.customerId());
            } else if (e instanceof LeadCaptured lead) {
                arrived.putIfAbsent(lead.leadId(), lead.at());
                if (lead.referralCode() != null) {
                    assertThat(lead.channel()).isEqualTo("REFERRAL");
                    withCode++;
                    unknown += issuedTo.containsKey(lead.referralCode()) ? 0 : 1;
                }
            }
        }
        // the first month's referrals are by word of mouth; from then on most come with a code issued a few days
        // before, a few with a code mistyped on the form or never issued
        assertThat(issuedTo).isNotEmpty();
        assertThat(withCode).isGreaterThan(10);
        assertThat(unknown).isPositive().isLessThan(withCode / 4);
    }

    @Test
    void theYearHasRepsCampaignsOrdersServiceAndSurveys() {
        Set<String> types = events(SMALL).stream().map(Event::type).collect(Collectors.toSet());

        assertThat(types).contains("RepUpdated", "CampaignLaunched", "LeadCaptured", "InteractionLogged",
                "BantUpdated", "OpportunityClosed", "ContractSigned", "OrderPlaced", "OrderStatusChanged",
                "PaymentReceived", "TicketOpened", "TicketResolved", "SurveyAnswered", "ConsentChanged", "ClockTick");
    }

    @Test
    void repsAreKnownBeforeTheFirstLead() {
        List<Event> events = events(SMALL);
        int firstLead = indexOfFirst(events, LeadCaptured.class);

        assertThat(events.subList(0, firstLead)).filteredOn(RepUpdated.class::isInstance)
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aClockTickAtEveryLocalMidnight_upToTheEndOfThePeriod() {
        CompanySimulator.Config config = SMALL.withDays(90);
        List<ClockTick> ticks = events(config).stream().filter(ClockTick.class::isInstance).map(ClockTick.class::cast)
                .collect(Collectors.toList());

        assertThat(ticks).hasSize(90);
        assertThat(ticks).allMatch(t -> t.at().atZone(config.zone()).toLocalTime().equals(LocalTime.MIDNIGHT));
        assertThat(ticks.get(ticks.size() - 1).at()).isEqualTo(CompanySimulator.of(config).to());
    }

    @Test
    void ordersHaveExactAmounts_thatAreTheSumOfTheirLines() {
        List<OrderPlaced> orders = events(SMALL).stream().filter(OrderPlaced.class::isInstance)
                .map(OrderPlaced.class::cast).collect(Collectors.toList());

        assertThat(orders).isNotEmpty().allSatisfy(o -> {
            assertThat(o.currency()).isEqualTo("CNY");
            assertThat(o.amount().scale()).isEqualTo(2);
            assertThat(o.lines()).isNotEmpty();
            assertThat(o.lines().stream().map(l -> l.amount()).reduce(java.math.BigDecimal.ZERO,
                    java.math.BigDecimal::add)).isEqualByComparingTo(o.amount());
        });
        // some customers buy again
        assertThat(orders.stream().collect(Collectors.groupingBy(OrderPlaced::customerId, Collectors.counting()))
                .values()).anyMatch(n -> n >= 3);
    }

    @Test
    void config_rejectsValuesOutOfRange_namingThem() {
        assertThatThrownBy(() -> SMALL.withCustomers(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customers").hasMessageContaining("got 0");
        assertThatThrownBy(() -> SMALL.withDays(-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days").hasMessageContaining("got -5");
    }

    @Property(tries = 15)
    void anySeed_givesATimeOrderedStream_withUniqueIds_insideThePeriod(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int customers) {
        CompanySimulator company = CompanySimulator.of(CompanySimulator.Config.ofDefaults().withSeed(seed)
                .withCustomers(customers).withDays(120));
        List<Event> events = events(company.config());
        Set<String> ids = new HashSet<>();
        Instant previous = company.from();

        for (Event e : events) {
            assertThat(e.at()).isAfterOrEqualTo(previous).isBeforeOrEqualTo(company.to());
            assertThat(ids.add(e.id())).as("event id %s is unique", e.id()).isTrue();
            previous = e.at();
        }
    }

    private static List<LeadCaptured> leads(List<Event> events) {
        return events.stream().filter(LeadCaptured.class::isInstance).map(LeadCaptured.class::cast)
                .collect(Collectors.toList());
    }

    private static int indexOfFirst(List<Event> events, Class<? extends Event> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
