package dev.custflow.examples;

import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The CDNOW purchase history (a music retailer's customers who first bought in early 1997,
 * followed to June 1998) as {@link OrderPlaced} events in time order, with a {@link ClockTick} at
 * every midnight (UTC) so that dormancy and other time rules fire on the day they fall due. By
 * default the history ends with the last purchase day (1998-06-30), when most customers have
 * already gone dormant and the rest are still buying; {@link #tickingUntil} lets the clock run on
 * (from 1998-12-27 on, every customer is dormant: 180 days after the last purchase in the file).
 *
 * <p>The file ({@value #FILE_NAME}) has one purchase per line, whitespace separated: customer id,
 * date {@code yyyyMMdd}, number of CDs, amount in US dollars; a header line is skipped. Customers
 * become {@code cdnow-00001}...; each purchase is order {@code cdnow-00001-o1}, {@code -o2}... in
 * the customer's file order, placed at noon UTC, with the amount exactly as written, in USD.
 */
public final class CdnowHistory implements EventHistory {
    /** The file's name in the data folder. */
    public static final String FILE_NAME = "CDNOW_master.txt";

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String COLUMNS = "customer id, date yyyyMMdd, number of CDs, dollar value";

    private final Path file;
    /** The purchases in time order (file order within a day). */
    private final Purchase[] purchases;
    private final int customers;
    private final LocalDate until;

    private record Purchase(String customerId, String orderId, LocalDate day, int quantity, BigDecimal amount) {
    }

    private CdnowHistory(Path file, Purchase[] purchases, int customers, LocalDate until) {
        this.file = file;
        this.purchases = purchases;
        this.customers = customers;
        this.until = until;
    }

    /**
     * Reads and checks the whole file; the events are made as the stream is read.
     *
     * @param fileOrFolder the file, or the folder that holds {@value #FILE_NAME}
     * @return the history, ending with the last purchase day
     * @throws NoSuchFileException if there is no such file
     * @throws IOException         if the file cannot be read
     * @throws DataFileException   naming the file and line of the first malformed purchase
     */
    public static CdnowHistory load(Path fileOrFolder) throws IOException {
        Path file = Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve(FILE_NAME) : fileOrFolder;
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null,
                    "no CDNOW purchase history there; give the file " + FILE_NAME + " or the folder that holds it");
        }
        List<Purchase> rows = new java.util.ArrayList<>();
        Map<String, Integer> ordersPerCustomer = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String text;
            long line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                String[] cols = text.strip().split("\\s+");
                if (cols.length == 1 && cols[0].isEmpty()) {
                    continue;
                }
                if (line == 1 && !Character.isDigit(cols[0].charAt(0))) {
                    continue; // the header: customer_id date number_of_cds dollar_value
                }
                rows.add(parse(file, line, text, cols, ordersPerCustomer));
            }
        }
        Purchase[] sorted = rows.toArray(Purchase[]::new);
        Arrays.sort(sorted, (a, b) -> a.day().compareTo(b.day())); // stable: the file's order within a day
        if (sorted.length == 0) {
            throw new DataFileException(file, 1, "no purchases in the file (" + COLUMNS + ")");
        }
        return new CdnowHistory(file, sorted, ordersPerCustomer.size(), sorted[sorted.length - 1].day());
    }

    private static Purchase parse(Path file, long line, String text, String[] cols, Map<String, Integer> seen) {
        if (cols.length != 4) {
            throw new DataFileException(file, line, "expected 4 columns (" + COLUMNS + "), found " + cols.length
                    + ": '" + text.strip() + "'");
        }
        if (!cols[0].chars().allMatch(Character::isDigit)) {
            throw new DataFileException(file, line, "the customer id '" + cols[0] + "' is not a number (" + COLUMNS
                    + ")");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(cols[1], DATE);
        } catch (DateTimeParseException e) {
            throw new DataFileException(file, line, "the date '" + cols[1] + "' is not a date like 19970101 ("
                    + COLUMNS + ")");
        }
        int quantity;
        try {
            quantity = Integer.parseInt(cols[2]);
        } catch (NumberFormatException e) {
            quantity = 0;
        }
        if (quantity < 1) {
            throw new DataFileException(file, line, "the number of CDs '" + cols[2]
                    + "' is not a whole number above 0");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(cols[3]);
        } catch (NumberFormatException e) {
            throw new DataFileException(file, line, "the dollar value '" + cols[3] + "' is not a number like 12.99");
        }
        if (amount.signum() < 0) {
            throw new DataFileException(file, line, "the dollar value " + cols[3] + " is negative; a purchase "
                    + "history has no refunds");
        }
        String customerId = "cdnow-" + cols[0];
        int n = seen.merge(customerId, 1, Integer::sum);
        return new Purchase(customerId, customerId + "-o" + n, day, quantity, amount);
    }

    /**
     * @param lastDay the last day to tick (its end is the end of the history); purchases after it are left out
     * @return a copy of this history that ticks until {@code lastDay}
     */
    public CdnowHistory tickingUntil(LocalDate lastDay) {
        Objects.requireNonNull(lastDay, "lastDay");
        if (lastDay.isBefore(purchases[0].day())) {
            throw new IllegalArgumentException("the history starts on " + purchases[0].day()
                    + "; it cannot end before, on " + lastDay);
        }
        return new CdnowHistory(file, purchases, customers, lastDay);
    }

    /** @return the number of purchases in the file */
    public int purchaseCount() {
        return purchases.length;
    }

    /** @return the number of distinct customers in the file */
    public int customerCount() {
        return customers;
    }

    /** @return the file read */
    public Path file() {
        return file;
    }

    @Override
    public String description() {
        LocalDate last = purchases[purchases.length - 1].day();
        return String.format(Locale.ROOT, "CDNOW purchase history: %,d purchases by %,d customers, %s to %s%s",
                purchases.length, customers, purchases[0].day(), last,
                until.equals(last) ? "" : ", clock run on to " + until);
    }

    @Override
    public Instant from() {
        return midnight(purchases[0].day());
    }

    @Override
    public Instant to() {
        return midnight(until.plusDays(1));
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** @return every purchase in the file as the order event the history feeds, in file order */
    public List<OrderPlaced> orders() {
        return Arrays.stream(purchases).map(CdnowHistory::order).toList();
    }

    private static OrderPlaced order(Purchase p) {
        Instant at = p.day().atTime(12, 0).toInstant(ZoneOffset.UTC);
        return new OrderPlaced(p.orderId() + "-placed", at, p.orderId(), p.customerId(), p.amount(), "USD",
                List.of(new OrderLine("CD", p.quantity(), p.amount())), null);
    }

    @Override
    public Stream<Event> events() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Events(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Purchases interleaved with a tick at each midnight after the first day, up to the end. */
    private final class Events implements Iterator<Event> {
        private int next;
        private LocalDate tickDay = purchases[0].day().plusDays(1);

        @Override
        public boolean hasNext() {
            return !tickDay.isAfter(until.plusDays(1));
        }

        @Override
        public Event next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (next < purchases.length && purchases[next].day().isBefore(tickDay)
                    && !purchases[next].day().isAfter(until)) {
                return order(purchases[next++]);
            }
            ClockTick tick = new ClockTick("tick-" + tickDay, midnight(tickDay));
            tickDay = tickDay.plusDays(1);
            return tick;
        }
    }
}
