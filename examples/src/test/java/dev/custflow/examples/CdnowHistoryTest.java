package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import dev.custflow.model.Stage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CDNOW loader, on 22 real purchases: orders in time order between daily ticks, errors that name the line. */
class CdnowHistoryTest {
    @TempDir
    Path dir;

    private static List<Event> events(CdnowHistory history) {
        try (Stream<Event> s = history.events()) {
            return s.collect(Collectors.toList());
        }
    }

    private static List<OrderPlaced> orders(List<Event> events) {
        return events.stream().filter(OrderPlaced.class::isInstance).map(OrderPlaced.class::cast)
                .collect(Collectors.toList());
    }

    private static Instant midnight(String day) {
        return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void everyPurchaseIsAnOrder_withTheExactAmountInDollars() throws IOException {
        CdnowHistory history = CdnowHistory.load(TestData.CDNOW_FIXTURE);
        List<OrderPlaced> orders = orders(events(history));

        assertThat(history.purchaseCount()).isEqualTo(22);
        assertThat(history.customerCount()).isEqualTo(7);
        assertThat(orders).hasSize(22).allSatisfy(o -> {
            assertThat(o.currency()).isEqualTo("USD");
            assertThat(o.lines()).singleElement().satisfies(l -> assertThat(l.amount()).isEqualTo(o.amount()));
        });
        // " 00003 19970102  2   20.76" is the first purchase of customer 3
        assertThat(orders).filteredOn(o -> o.orderId().equals("cdnow-00003-o1")).singleElement().satisfies(o -> {
            assertThat(o.customerId()).isEqualTo("cdnow-00003");
            assertThat(o.amount()).isEqualTo(new BigDecimal("20.76"));
            assertThat(o.lines().get(0).quantity()).isEqualTo(2);
            assertThat(o.at()).isEqualTo(Instant.parse("1997-01-02T12:00:00Z"));
        });
        // customer 2 bought twice on one day: two orders, told apart by their number
        assertThat(orders).filteredOn(o -> o.customerId().equals("cdnow-00002"))
                .extracting(OrderPlaced::orderId, o -> o.amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cdnow-00002-o1", "12.00"),
                        org.assertj.core.groups.Tuple.tuple("cdnow-00002-o2", "77.00"));
    }

    @Test
    void ordersComeInTimeOrder_withATickAtEveryMidnightUntilTheLastPurchaseDay() throws IOException {
        CdnowHistory history = CdnowHistory.load(TestData.CDNOW_FIXTURE);
        List<Event> events = events(history);

        assertThat(events).extracting(Event::at).isSorted();
        assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
        List<Instant> ticks = events.stream().filter(ClockTick.class::isInstance).map(Event::at)
                .collect(Collectors.toList());
        // purchases from 1997-01-01 to 1998-05-28: a tick at each midnight from 1997-01-02 to 1998-05-29
        assertThat(ticks).hasSize(365 + 148).startsWith(midnight("1997-01-02")).endsWith(midnight("1998-05-29"));
        assertThat(history.from()).isEqualTo(midnight("1997-01-01"));
        assertThat(history.to()).isEqualTo(midnight("1998-05-29"));
        assertThat(history.description()).isEqualTo(
                "CDNOW purchase history: 22 purchases by 7 customers, 1997-01-01 to 1998-05-28");
    }

    @Test
    void tickingUntilALaterDay_letsTheClockRunOn() throws IOException {
        CdnowHistory history = CdnowHistory.load(TestData.CDNOW_FIXTURE).tickingUntil(LocalDate.of(1998, 12, 31));
        List<Event> events = events(history);

        assertThat(orders(events)).hasSize(22);
        assertThat(events.get(events.size() - 1)).isInstanceOf(ClockTick.class)
                .extracting(Event::at).isEqualTo(midnight("1999-01-01"));
        assertThat(history.description()).endsWith(", clock run on to 1998-12-31");
    }

    @Test
    void tickingUntilAnEarlierDay_leavesLaterPurchasesOut() throws IOException {
        List<Event> events = events(CdnowHistory.load(TestData.CDNOW_FIXTURE).tickingUntil(LocalDate.of(1997, 12, 31)));

        // only customer 3's purchase of 1998-05-28 is later
        assertThat(orders(events)).hasSize(21).noneMatch(o -> o.orderId().equals("cdnow-00003-o6"));
        assertThat(events.get(events.size() - 1).at()).isEqualTo(midnight("1998-01-01"));
    }

    @Test
    void aFolderIsTakenToHoldTheFile() throws IOException {
        assertThat(CdnowHistory.load(TestData.CDNOW_FIXTURE.getParent()).purchaseCount()).isEqualTo(22);
    }

    @Test
    void aMissingFile_isNamed() {
        assertThatThrownBy(() -> CdnowHistory.load(dir)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(dir.resolve(CdnowHistory.FILE_NAME).toString())
                .hasMessageContaining("give the file CDNOW_master.txt or the folder that holds it");
    }

    @Test
    void aMalformedLine_isReportedWithFileAndLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestData.CDNOW_FIXTURE, StandardCharsets.US_ASCII));
        lines.set(6, " 00003 19970330  2"); // the amount is missing
        Path file = Files.write(dir.resolve("cdnow.txt"), lines, StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> CdnowHistory.load(file)).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.file()).isEqualTo(file.toString());
        }).hasMessage(file + ":7: expected 4 columns (customer id, date yyyyMMdd, number of CDs, dollar value), "
                + "found 3: '00003 19970330  2'");
    }

    @Test
    void badValues_areNamedWithTheirLine() throws IOException {
        assertThat(malformed(" 00003 1997-03-30  2   20.76")).isEqualTo("line 2: the date '1997-03-30' is not a "
                + "date like 19970101 (customer id, date yyyyMMdd, number of CDs, dollar value)");
        assertThat(malformed(" 00003 19970330  0   20.76")).isEqualTo("line 2: the number of CDs '0' is not a "
                + "whole number above 0");
        assertThat(malformed(" 00003 19970330  2   -1.00")).isEqualTo("line 2: the dollar value -1.00 is negative; "
                + "a purchase history has no refunds");
        assertThat(malformed(" 00003 19970330  2   $20")).isEqualTo("line 2: the dollar value '$20' is not a "
                + "number like 12.99");
        assertThat(malformed(" C0003 19970330  2   20.76"))
                .startsWith("line 2: the customer id 'C0003' is not a number");
    }

    private String malformed(String row) throws IOException {
        Path file = Files.writeString(dir.resolve("row.txt"), " 00001 19970101  1   11.77\n" + row + "\n");
        try {
            CdnowHistory.load(file);
            throw new AssertionError("expected the row to be rejected: " + row);
        } catch (DataFileException e) {
            return "line " + e.line() + e.getMessage().substring(e.getMessage().indexOf(": "));
        }
    }

    @Test
    void theDemoOnTheFixture_makesCustomersOfBuyers_andSendsTheLapsedToSleep() throws IOException {
        CdnowHistory history = CdnowHistory.load(TestData.CDNOW_FIXTURE).tickingUntil(LocalDate.of(1998, 12, 31));
        DemoReport report = Demo.builder().build().run(history);

        assertThat(report.rejected()).isZero();
        assertThat(report.customers()).isEqualTo(7);
        assertThat(report.everInStage()).containsEntry(Stage.CUSTOMER, 7).containsEntry(Stage.LEAD, 0);
        // by the end of 1998 nobody in the fixture has bought for 180 days (the last purchase is 1998-05-28)
        assertThat(report.customersPerStage()).containsEntry(Stage.DORMANT, 7);
        // customers 2 to 5 and 23570 bought at least twice within a year
        assertThat(report.everInStage()).containsEntry(Stage.LOYAL, 5);
    }
}
