package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custflow.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The must-show of the fulfilment pack, through the command line a host runs: the hand-written order history
 * docs/examples/fulfilment.jsonl through {@code custflow replay} gives each fulfilment action at its time, the late
 * delivery on the day the promise passes (not at the tick a minute before, not a day later), then on the cadence
 * of {@code fulfilment.lateEveryDays}, and none once delivered. docs/examples/fulfilment.md shows the same lines
 * under "What replay prints"; this test holds the page to them.
 */
class FulfilmentReplayTest {
    private static final Path ORDERS = Path.of("../docs/examples/fulfilment.jsonl");
    private static final Path PAGE = Path.of("../docs/examples/fulfilment.md");

    /** What the page lists, in the order replay writes them: when (UTC), type, order or rep, what is particular. */
    private static final List<String> EXPECTED = List.of(
            "2024-03-04T06:00:00Z INVOICE_REQUESTED SO-101",
            "2024-03-04T06:00:00Z STOCK_CHECK_REQUESTED SO-101",
            "2024-03-05T03:00:00Z PRODUCTION_REQUESTED SO-101 lines 2 x PUMP-200, 40 x VALVE-7",
            "2024-03-08T02:00:00Z TASK_CREATED finance PAYMENT",
            "2024-03-08T02:00:00Z TASK_CREATED r-zhou PAYMENT",
            // promised for 15 March: late from 16 March 00:00 in Shanghai = 15 March 16:00 UTC
            "2024-03-15T16:00:00Z DELIVERY_LATE SO-101 daysLate 1",
            "2024-03-18T16:00:00Z DELIVERY_LATE SO-101 daysLate 4",
            "2024-03-19T02:00:00Z SHIPMENT_REQUESTED SO-101",
            "2024-03-20T02:00:00Z MESSAGE_REQUESTED F-1 SHIPPING_NOTICE by EMAIL, trackingNo SF1234567890",
            "2024-03-21T16:00:00Z DELIVERY_LATE SO-101 daysLate 7",
            "2024-04-03T16:00:00Z TASK_CREATED finance PAYMENT",
            "2024-04-03T16:00:00Z TASK_CREATED r-zhou PAYMENT",
            "2024-04-10T16:00:00Z TASK_CREATED finance PAYMENT",
            "2024-04-10T16:00:00Z TASK_CREATED r-zhou PAYMENT",
            "2024-04-15T03:00:00Z INVOICE_REQUESTED SO-102",
            "2024-04-15T03:00:00Z STOCK_CHECK_REQUESTED SO-102");

    @Test
    void replay_ofTheHandWrittenOrderHistory_givesEachFulfilmentActionAtItsTime() {
        List<JsonNode> actions = replay();

        assertThat(actions).filteredOn(FulfilmentReplayTest::fulfilment).map(FulfilmentReplayTest::line)
                .containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void replay_reportsTheLateDeliveryOnTheDayThePromisePasses_notTheDayBefore_norADayLate() {
        List<JsonNode> late = replay().stream().filter(a -> a.get("type").asText().equals("DELIVERY_LATE")).toList();

        // the file has a tick at 15 March 15:59 UTC (23:59 on the promised day in Shanghai) and one at 16:00
        assertThat(late).first().satisfies(a -> {
            assertThat(a.get("at").asText()).isEqualTo("2024-03-15T16:00:00Z");
            assertThat(a.get("daysLate").asInt()).isEqualTo(1);
        });
        // then every 3 days (lateEveryDays) while undelivered; delivered on 22 March: the tick of 24 March brings none
        assertThat(late).extracting(a -> a.get("daysLate").asInt()).containsExactly(1, 4, 7);
        assertThat(late).allSatisfy(a -> assertThat(a.get("at").asText()).isLessThan("2024-03-22T03:00:00Z"));
        // the cancelled order SO-102, promised for 20 April, is never late
        assertThat(late).allSatisfy(a -> assertThat(a.get("orderId").asText()).isEqualTo("SO-101"));
    }

    @Test
    void thePage_showsWhatReplayPrints() throws IOException {
        List<String> page = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
        int heading = page.indexOf("## What replay prints");
        assertThat(heading).as("the heading '## What replay prints' in %s", PAGE).isPositive();
        int open = heading + 1;
        while (!page.get(open).equals("```text")) {
            open++;
        }
        List<String> shown = new ArrayList<>();
        for (int i = open + 1; !page.get(i).equals("```"); i++) {
            shown.add(page.get(i).replaceAll(" +", " "));
        }
        assertThat(shown).isEqualTo(EXPECTED);
        // the line shown in full is the one replay writes, byte for byte (ids are stable)
        String full = page.get(page.subList(open, page.size()).indexOf("```json") + open + 1);
        assertThat(replayed()).contains(full);
    }

    private static boolean fulfilment(JsonNode a) {
        return a.get("rule").asText().startsWith("fulfilment:");
    }

    /** An action as the page lists it. */
    private static String line(JsonNode a) {
        String type = a.get("type").asText();
        String head = a.get("at").asText() + " " + type + " " + a.path("orderId").asText(a.path("repId")
                .asText(a.path("customerId").asText()));
        return head + switch (type) {
            case "DELIVERY_LATE" -> " daysLate " + a.get("daysLate").asInt();
            case "TASK_CREATED" -> " " + a.get("kind").asText();
            case "MESSAGE_REQUESTED" -> " " + a.get("template").asText() + " by " + a.get("channel").asText()
                    + ", trackingNo " + a.get("params").get("trackingNo").asText();
            case "PRODUCTION_REQUESTED", "PURCHASE_REQUESTED" -> " lines " + String.join(", ",
                    StreamSupport.stream(a.get("lines").spliterator(), false)
                            .map(l -> l.get("quantity").asInt() + " x " + l.get("sku").asText()).toList());
            default -> "";
        };
    }

    /** {@code custflow replay --events docs/examples/fulfilment.jsonl}: the actions it writes to standard output. */
    private static List<JsonNode> replay() {
        return replayed().lines().map(l -> {
            try {
                return Json.mapper().readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + l, e);
            }
        }).toList();
    }

    /** @return what replay writes to standard output */
    private static String replayed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"replay", "--events", ORDERS.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as("exit code; standard error:%n%s", err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("custflow replay: 26 events accepted, 0 rejected, 1 duplicates; 38 actions");
        return out.toString(StandardCharsets.UTF_8);
    }
}
