package dev.custflow.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * JSON lines of events: valid ones of every kind the contract has, and the same lines damaged the ways a host or an
 * attacker damages them (a value of another kind or spelling, a field dropped, doubled or unknown, the type moved or
 * changed, a text with a control character or too long, the line cut or with a stray character).
 */
public final class EventLineArbitraries {
    /** Valid events, one per type and a few more shapes. */
    static final List<String> VALID = List.of(
            "{\"type\":\"LeadCaptured\",\"id\":\"e1\",\"at\":\"2024-03-01T09:30:00Z\",\"leadId\":\"L1\",\"channel\":\"WECHAT\",\"name\":\"王芳\",\"phone\":\"+86 138-0013-8000\",\"companySize\":120,\"birthday\":\"1990-02-28\",\"doNotEmail\":true,\"attributes\":{\"openId\":\"o-1\",\"score\":12.5,\"visits\":3,\"tags\":[\"a\",{\"b\":null}]}}",
            "{\"type\":\"LeadCaptured\",\"id\":\"e1b\",\"at\":\"2024-03-01T09:30:00+08:00\",\"leadId\":\"L2\",\"channel\":\"WEBSITE\",\"company\":\"A\\tB\\nC\",\"email\":\"a@b.cn\",\"region\":\"华东\"}",
            "{\"type\":\"ProfileUpdated\",\"id\":\"e2\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"email\":\"a@b.cn\",\"doNotCall\":false}",
            "{\"type\":\"InteractionLogged\",\"id\":\"e3\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"kind\":\"CALL\",\"repId\":\"r1\",\"durationSeconds\":300}",
            "{\"type\":\"InteractionLogged\",\"id\":\"e3b\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"kind\":\"PAGE_VIEW\",\"count\":4}",
            "{\"type\":\"BantUpdated\",\"id\":\"e4\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"budget\":true,\"amount\":50000.00}",
            "{\"type\":\"OpportunityClosed\",\"id\":\"e5\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"opportunityId\":\"O1\",\"outcome\":\"WON\",\"amount\":1000}",
            "{\"type\":\"OrderPlaced\",\"id\":\"e6\",\"at\":\"2024-03-01T09:30:00Z\",\"orderId\":\"SO-1\",\"customerId\":\"C1\",\"amount\":199.90,\"currency\":\"CNY\",\"lines\":[{\"sku\":\"A\",\"quantity\":2,\"amount\":199.90}],\"promisedDate\":\"2024-03-08\"}",
            "{\"type\":\"OrderPlaced\",\"id\":\"e6b\",\"at\":\"2024-03-01T09:30:00.123Z\",\"orderId\":\"SO-2\",\"customerId\":\"C2\",\"amount\":0.05}",
            "{\"type\":\"OrderStatusChanged\",\"id\":\"e7\",\"at\":\"2024-03-01T09:30:00Z\",\"orderId\":\"SO-1\",\"status\":\"SHIPPED\",\"trackingNo\":\"SF123\"}",
            "{\"type\":\"OrderStatusChanged\",\"id\":\"e7s\",\"at\":\"2024-03-01T09:30:00Z\",\"orderId\":\"SO-1\",\"status\":\"STOCK_SHORT\",\"lines\":[{\"sku\":\"A\",\"quantity\":1}]}",
            "{\"type\":\"PaymentReceived\",\"id\":\"e8\",\"at\":\"2024-03-01T09:30:00Z\",\"orderId\":\"SO-1\",\"amount\":199.90,\"customerId\":\"C1\"}",
            "{\"type\":\"TicketOpened\",\"id\":\"e9\",\"at\":\"2024-03-01T09:30:00Z\",\"ticketId\":\"T1\",\"customerId\":\"C1\",\"kind\":\"COMPLAINT\",\"severity\":\"HIGH\"}",
            "{\"type\":\"TicketResolved\",\"id\":\"e10\",\"at\":\"2024-03-01T09:30:00Z\",\"ticketId\":\"T1\",\"firstContact\":true}",
            "{\"type\":\"SurveyAnswered\",\"id\":\"e11\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"nps\":9,\"csat\":5,\"review\":\"GOOD\"}",
            "{\"type\":\"ContractSigned\",\"id\":\"e12\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"contractId\":\"K1\",\"expiresOn\":\"2025-02-28\",\"amount\":12000}",
            "{\"type\":\"ConsentChanged\",\"id\":\"e12c\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"channel\":\"SMS\",\"optedOut\":true}",
            "{\"type\":\"RepUpdated\",\"id\":\"e13\",\"at\":\"2024-03-01T09:30:00Z\",\"repId\":\"r1\",\"team\":\"EAST\",\"industries\":[\"制造业\"],\"capacity\":30,\"available\":true}",
            "{\"type\":\"CampaignLaunched\",\"id\":\"e14\",\"at\":\"2024-03-01T09:30:00Z\",\"campaignId\":\"CP1\",\"segment\":\"HIGH_VALUE\"}",
            "{\"type\":\"ClockTick\",\"id\":\"e15\",\"at\":\"2024-03-02T00:00:00Z\"}",
            "{\"type\":\"InteractionLogged\",\"id\":\"e3c\",\"at\":\"2024-03-01T09:30:00.5Z\",\"customerId\":\"C1\",\"kind\":\"EMAIL_OPENED\",\"repId\":\"r1\",\"count\":2147483647,\"durationSeconds\":0,\"note\":\"回电\\t\\u00e9\"}",
            "{\"type\":\"SurveyAnswered\",\"id\":\"e11b\",\"at\":\"2024-03-01T09:30:00Z\",\"customerId\":\"C1\",\"review\":\"BAD\"}",
            "{\"type\":\"TicketResolved\",\"id\":\"e10b\",\"at\":\"2024-03-01T09:30:00Z\",\"ticketId\":\"T1\",\"firstContact\":false,\"customerId\":\"C1\"}",
            "{\"type\":\"TicketOpened\",\"id\":\"e9b\",\"at\":\"2024-03-01T09:30:00Z\",\"ticketId\":\"T2\",\"customerId\":\"C1\",\"kind\":\"RETURN\"}",
            "{\"type\":\"CustomerErased\",\"id\":\"e16\",\"at\":\"2024-03-02T00:00:00Z\",\"customerId\":\"C1\"}",
            "{\"type\":\"StageSet\",\"id\":\"e17\",\"at\":\"2024-03-02T00:00:00Z\",\"customerId\":\"C1\",\"stage\":\"PROSPECT\",\"by\":\"m-li\",\"reason\":\"met at the fair\",\"pin\":true}",
            "{\"type\":\"LeadLost\",\"id\":\"e18\",\"at\":\"2024-03-02T00:00:00Z\",\"customerId\":\"C1\",\"reason\":\"NO_BUDGET\",\"note\":\"next year\"}",
            "{\"type\":\"OwnerSet\",\"id\":\"e19\",\"at\":\"2024-03-02T00:00:00Z\",\"customerId\":\"C1\",\"repId\":\"r1\",\"by\":\"m-li\"}",
            "{\"type\":\"ReferralCodeIssued\",\"id\":\"e20\",\"at\":\"2024-03-02T00:00:00Z\",\"customerId\":\"C1\",\"code\":\"R-7\"}",
            "{\"id\":\"e21\",\"at\":\"2024-03-02T00:00:00Z\",\"customerId\":\"C1\",\"type\":\"CustomerErased\"}",
            "  {\"type\" : \"ClockTick\" , \"id\" : 17 , \"at\" : \"2024-03-02T00:00:00Z\" , \"source\" : {\"erp\" : [1, 2.50, \"x\"]}}  ",
            "{\"type\":\"OrderPlaced\",\"id\":\"e6c\",\"at\":\"2024-03-01T09:30:00Z\",\"orderId\":\"O6\",\"customerId\":\"C1\",\"amount\":1234,\"lines\":[]}",
            "{\"type\":\"OrderPlaced\",\"id\":\"e6d\",\"at\":\"2024-03-01T09:30:00Z\",\"orderId\":\"O7\",\"customerId\":\"C1\",\"amount\":12.500000,\"currency\":\"EUR\",\"lines\":[{\"sku\":\"A\"},{\"sku\":\"B\",\"quantity\":3},{\"amount\":0.5,\"sku\":\"C\"}]}",
            "{\"type\":\"LeadCaptured\",\"id\":\"e1c\",\"at\":\"2024-03-01T09:30:00Z\",\"leadId\":\"L3\",\"channel\":\"BAIDU_ADS\",\"phone\":\"13800000001\"}",
            "{\"type\":\"LeadCaptured\",\"id\":\"e1d\",\"at\":\"2024-03-01T09:30:00Z\",\"leadId\":\"L4\",\"channel\":\"TRADE_SHOW\",\"name\":\"李雷\",\"company\":\"精工\",\"email\":\"a@b.cn\",\"region\":\"华东\",\"city\":\"上海\",\"industry\":\"制造业\",\"companySize\":0,\"title\":\"经理\",\"birthday\":\"1990-02-28\",\"doNotEmail\":false,\"doNotCall\":true,\"referralCode\":\"R-7\",\"timeZone\":\"Asia/Shanghai\"}");

    /** Values of every kind and of spellings a reader might treat differently. */
    private static final List<String> VALUES = List.of(
            "0", "-0", "17", "-5", "1e2", "1E+2", "1.0E-7", "0.0000001", "0.00000010", "-0.0", "-0.5", "12.50",
            "199.90", "1.5", "2147483648", "99999999999999999999999", "1e309", "0.1234567",
            "true", "false", "null", "[]", "[\"a\",1]", "{}", "{\"k\":\"v\"}", "{\"k\":\"\\u001b[2J\"}", "[[[{}]]]",
            "\"\"", "\" \"", "\"x\"", "\"17\"", "\"C\\u00001\"", "\"a\\tb\\r\\nc\"", "\"\\u007f\"", "\"\\u0085\"",
            "\"王芳\"", "\"+86 138-0013-8000\"", "\"a@b.cn\"", "\"2024-03-01T09:30:00Z\"", "\" 2024-03-01T09:30:00Z \"",
            "\"2024-03-01\"", "\"1990-13-45\"", "\"1899-12-31T23:59:59Z\"", "\"WEB\"", "\"WECHAT\"", "\"SHIPPED\"",
            "\"shipped\"", "\"COMPLAINT\"", "\"GOOD\"", "\"BAD\"", "\"PAGE_VIEW\"", "2147483647", "-2147483648",
            "\"2024-03-01T09:30:00.5Z\"", "\"Call\"", "\"PROSPECT\"", "\"CALL\"", "\"NO_BUDGET\"", "\"EAST\"",
            "\"OrderPlaced\"", "\"ClockTick\"", "\"Orderplaced\"", "\"" + "C".repeat(129) + "\"",
            "\"" + "x".repeat(10_000) + "\"", "\"" + "x".repeat(10_001) + "\"", "100.0", "1000.000000", "0.000001",
            "-12.50", "12.5e1", "\"Asia/Shanghai\"", "\"Mars/Olympus\"", "\"1899-12-31\"", "[{\"sku\":\"A\"}]", "[null]",
            "[{\"sku\":\"A\",\"quantity\":0}]", "[{\"sku\":17}]", "[{\"sku\":\"A\",\"amount\":1e2}]");

    private static final List<String> TYPES = List.of("LeadCaptured", "ProfileUpdated", "OrderPlaced",
            "OrderStatusChanged", "ClockTick", "SurveyAnswered", "TicketResolved", "StageSet", "Nope", "orderPlaced", "InteractionLogged",
            "TicketOpened");

    private static final String STRAY = "{}[],:\"\\ x0-.e\u0000\u00e9";

    private EventLineArbitraries() {
    }

    /** @return valid event lines, in any field order and spacing */
    static Arbitrary<String> validLines() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            List<String[]> fields = fields(VALID.get(r.nextInt(VALID.size())));
            if (r.nextInt(4) == 0) {
                java.util.Collections.shuffle(fields, r);
            }
            return write(fields, r);
        });
    }

    /** @return valid lines with one to three kinds of damage, most of them no longer valid */
    static Arbitrary<String> mutatedLines() {
        return Arbitraries.longs().map(seed -> mutated(new Random(seed)));
    }

    /**
     * @return lines of the types the hand binder reads, valid or damaged, and orders and leads built field by field
     *     from plain and odd spellings of each field
     */
    static Arbitrary<String> boundLines() {
        List<String> bound = VALID.stream().filter(l -> FlatEventBinder.binds(typeOf(l))).toList();
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            return switch (r.nextInt(4)) {
                case 0 -> write(fields(bound.get(r.nextInt(bound.size()))), r);
                case 1 -> mutated(r, bound);
                case 2 -> order(r);
                default -> lead(r);
            };
        });
    }

    /** An order: its amounts in any spelling a host writes (most of them plain), lines of any shape, or none. */
    private static String order(Random r) {
        List<String[]> f = new ArrayList<>(List.of(new String[] {"type", "\"OrderPlaced\""},
                new String[] {"id", "\"o" + r.nextInt(9) + "\""}, new String[] {"at", "\"2024-03-01T09:30:00Z\""},
                new String[] {"orderId", "\"SO-1\""}, new String[] {"customerId", "\"C1\""},
                new String[] {"amount", number(r)}));
        optional(f, r, "currency", "\"CNY\"", "\"\"", "null", "840");
        optional(f, r, "promisedDate", "\"2024-03-08\"", "\"1899-12-31\"", "\"2024-3-8\"", "\"2024-03-08T00:00:00Z\"");
        if (r.nextInt(3) > 0) {
            StringBuilder lines = new StringBuilder("[");
            for (int n = r.nextInt(4), i = 0; i < n; i++) {
                List<String[]> line = new ArrayList<>();
                optional(line, r, "sku", "\"A\"", "\"P-" + i + "\"", "\"\"", "17", "null", "\"A\\u0000\"");
                optional(line, r, "quantity", "1", "2", "0", "-1", "1.0", "2147483648", "\"2\"");
                if (r.nextBoolean()) {
                    line.add(new String[] {"amount", number(r)});
                }
                optional(line, r, "note", "\"x\"");
                lines.append(i == 0 ? "" : ",").append(r.nextInt(20) == 0 ? "null" : write(line, r));
            }
            f.add(new String[] {"lines", lines.append(r.nextInt(20) == 0 ? "," : "").append(']').toString()});
        }
        if (r.nextInt(4) == 0) {
            java.util.Collections.shuffle(f.subList(1, f.size()), r);
        }
        return write(f, r);
    }

    /** A lead of any of its flat fields, each in a plain or an odd spelling, now and then with attributes. */
    private static String lead(Random r) {
        List<String[]> f = new ArrayList<>(List.of(new String[] {"type", "\"LeadCaptured\""},
                new String[] {"id", "\"l" + r.nextInt(9) + "\""}, new String[] {"at", "\"2024-03-01T09:30:00Z\""},
                new String[] {"leadId", "\"L1\""}, new String[] {"channel", "\"WECHAT\""}));
        for (String text : List.of("name", "company", "phone", "email", "region", "city", "industry", "title")) {
            optional(f, r, text, "\"王芳\"", "\"+86 138-0013-8000\"", "\"\"", "\" \"", "null", "17", "true",
                    "\"a\\u0007\"");
        }
        optional(f, r, "companySize", "120", "0", "-1", "1.0", "2147483648", "-0", "\"120\"");
        optional(f, r, "birthday", "\"1990-02-28\"", "\"1899-12-31\"", "\"1990-02-30\"", "\"1990-2-28\"", "19900228");
        optional(f, r, "doNotEmail", "true", "false", "\"true\"", "0", "null");
        optional(f, r, "doNotCall", "true", "false", "1");
        optional(f, r, "referralCode", "\"R-7\"", "\"" + "R".repeat(129) + "\"", "7");
        optional(f, r, "timeZone", "\"Asia/Shanghai\"", "\"Europe/Berlin\"", "\"Mars/Olympus\"", "\"\"");
        if (r.nextInt(8) == 0) {
            f.add(new String[] {"attributes", r.nextBoolean() ? "{}" : "{\"score\":12.50}"});
        }
        if (r.nextInt(4) == 0) {
            java.util.Collections.shuffle(f.subList(1, f.size()), r);
        }
        return write(f, r);
    }

    /** Adds the field now and then, mostly in its first (plain) spelling. */
    private static void optional(List<String[]> fields, Random r, String name, String... spellings) {
        if (r.nextBoolean()) {
            fields.add(new String[] {name, spellings[r.nextInt(3) > 0 ? 0 : r.nextInt(spellings.length)]});
        }
    }

    /**
     * A number as hosts write amounts: mostly digits with up to eight decimals (trailing zeros kept), now and then
     * negative, with an exponent, too long, or quoted.
     */
    private static String number(Random r) {
        StringBuilder b = new StringBuilder(r.nextInt(8) == 0 ? "-" : "");
        b.append(r.nextInt(4) == 0 ? "0" : String.valueOf(1 + r.nextInt(9)));
        for (int n = r.nextInt(r.nextInt(10) == 0 ? 45 : 6); n > 0; n--) {
            b.append(r.nextInt(10));
        }
        if (r.nextBoolean()) {
            b.append('.');
            for (int n = 1 + r.nextInt(8); n > 0; n--) {
                b.append(r.nextInt(3) == 0 ? 0 : r.nextInt(10));
            }
        }
        if (r.nextInt(8) == 0) {
            b.append(r.nextBoolean() ? 'e' : 'E').append(new String[] {"", "+", "-"}[r.nextInt(3)])
                    .append(r.nextInt(20));
        }
        return r.nextInt(20) == 0 ? "\"" + b + "\"" : b.toString();
    }

    private static String typeOf(String line) {
        try {
            return JsonCodec.MAPPER.readTree(line).get("type").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String mutated(Random r) {
        return mutated(r, VALID);
    }

    private static String mutated(Random r, List<String> from) {
        List<String[]> fields = fields(from.get(r.nextInt(from.size())));
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            int i = r.nextInt(fields.size());
            switch (r.nextInt(8)) {
                case 0, 1, 2 -> fields.get(i)[1] = VALUES.get(r.nextInt(VALUES.size()));
                case 3 -> fields.remove(i);
                case 4 -> fields.add(r.nextInt(fields.size() + 1),
                        new String[] {"extra" + r.nextInt(3), VALUES.get(r.nextInt(VALUES.size()))});
                case 5 -> fields.add(r.nextInt(fields.size() + 1), fields.get(i).clone());
                case 6 -> fields.add(fields.remove(0)); // the type last
                default -> fields.get(0)[1] = "\"" + TYPES.get(r.nextInt(TYPES.size())) + "\"";
            }
            if (fields.isEmpty()) {
                break;
            }
        }
        StringBuilder line = new StringBuilder(write(fields, r));
        switch (r.nextInt(6)) {
            case 0 -> line.setLength(r.nextInt(line.length() + 1));
            case 1 -> line.insert(r.nextInt(line.length() + 1), STRAY.charAt(r.nextInt(STRAY.length())));
            case 2 -> line.append(r.nextBoolean() ? " {}" : " x");
            default -> {
            }
        }
        return line.toString();
    }

    /** @return times and dates as hosts write them, valid or nearly: any digits, a character changed, cut or added */
    public static Arbitrary<String> times() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            String[] forms = {"dddd-dd-ddTdd:dd:ddZ", "dddd-dd-ddTdd:dd:dd.dddZ", "dddd-dd-ddTdd:dd:dd.dddddddddZ",
                    "dddd-dd-ddTdd:dd:dd.dZ", "dddd-dd-ddTdd:dd:dd+08:00", "dddd-dd-dd", "dddd-dd-ddtdd:dd:ddz"};
            StringBuilder b = new StringBuilder();
            if (r.nextBoolean()) { // a real time, written as Java writes it (no fraction, or 3, 6 or 9 digits)
                java.time.Instant t = java.time.Instant.ofEpochSecond(r.nextLong() % 10_000_000_000L,
                        r.nextInt(4) == 0 ? 0 : r.nextInt(1_000_000_000) / (int) Math.pow(10, r.nextInt(9)));
                b.append(r.nextInt(4) == 0 ? t.atZone(java.time.ZoneOffset.UTC).toLocalDate() : t);
            } else {
                for (char c : forms[r.nextInt(forms.length)].toCharArray()) {
                    // mostly small digits, so that many are valid dates and times
                    b.append(c != 'd' ? c : (char) ('0' + (r.nextInt(3) == 0 ? r.nextInt(10) : r.nextInt(3))));
                }
            }
            if (r.nextInt(3) == 0) {
                int at = r.nextInt(b.length());
                switch (r.nextInt(4)) {
                    case 0 -> b.setCharAt(at, "0123456789-:TZ. +x١".charAt(r.nextInt(17)));
                    case 1 -> b.deleteCharAt(at);
                    case 2 -> b.insert(at, "0123456789-:TZ. ".charAt(r.nextInt(16)));
                    default -> b.setLength(at);
                }
            }
            return b.toString();
        });
    }

    /** The fields of a valid line, each as name and raw JSON value. */
    private static List<String[]> fields(String json) {
        try {
            JsonNode tree = JsonCodec.MAPPER.readTree(json);
            List<String[]> out = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                out.add(new String[] {f.getKey(), f.getValue().toString()});
            }
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(List<String[]> fields, Random r) {
        String gap = r.nextInt(5) == 0 ? " " : "";
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < fields.size(); i++) {
            b.append(i == 0 ? "" : "," + gap).append('"').append(fields.get(i)[0]).append("\":").append(gap)
                    .append(fields.get(i)[1]);
        }
        return b.append('}').toString();
    }
}
