package dev.custflow.examples;

import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.examples.internal.TableRows;
import dev.custflow.text.PersonalData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Past leads with their outcome, from any lead table, as {@link LeadCalibration} reads them: per lead its id, whether
 * it converted, and the values of the columns that are scored, each going to one table of the scoring settings
 * ({@link Feature#table()}). Three ways in: {@link #load(Path)} for the "X Education" file {@value
 * LeadHistory#FILE_NAME} (the built-in mapping), {@link #load(Path, LeadMapping)} for a UTF-8 CSV file with any
 * columns (Chinese headers, a byte-order mark), and {@link #query(Connection, String, LeadMapping)} for the result of
 * a SQL query.
 *
 * <p>Each lead runs through the engine as a {@link LeadCaptured} with its channel, region, industry and title (those
 * mapped) and the other scored columns as attributes; a lead of {@value LeadHistory#FILE_NAME} also sends its
 * interactions, as {@link LeadHistory} does.
 */
public final class LeadTable implements EventHistory {

    /**
     * A column that is scored, and where its points go.
     *
     * @param column    the column's name in the table
     * @param table     the scoring table: {@code channelPoints}, {@code regionPoints}, {@code industryPoints},
     *                  {@code titlePoints}, {@code attributePoints.NAME} (a category) or {@code
     *                  attributeBands.NAME} (a number)
     * @param bands     for a number: where its bands start, ascending, or empty to cut it at quantiles
     * @param quantiles for a number without bands: how many quantile bands to aim for (0: the calibration's own
     *                  number, deciles by default)
     */
    public record Feature(String column, String table, List<Double> bands, int quantiles) {
        /** Copies the bands. */
        public Feature {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(table, "table");
            bands = List.copyOf(bands);
        }

        /** @return true for a number (its points go by bands), false for a category */
        public boolean isNumber() {
            return table.startsWith(ATTRIBUTE_BANDS);
        }

        /** @return the attribute's name for {@code attributePoints.NAME} or {@code attributeBands.NAME}, else null */
        public String attribute() {
            int dot = table.indexOf('.');
            return dot < 0 ? null : table.substring(dot + 1);
        }
    }

    /**
     * One lead: its values by {@link Feature#table()} (a category's text, a number), missing ones left out.
     *
     * @param line      where it is: the line of the file where its row starts, or the row of the query's result
     * @param id        the engine's customer id
     * @param converted it became a customer
     * @param texts     categories by table (channel as a code, e.g. {@code LANDING_PAGE_SUBMISSION})
     * @param numbers   numbers by table
     * @param lead      the row of {@value LeadHistory#FILE_NAME} it was read from, or null
     */
    public record Row(long line, String id, boolean converted, Map<String, String> texts,
                      Map<String, Double> numbers, LeadHistory.Lead lead) {
        /** Copies the maps. */
        public Row {
            texts = Map.copyOf(texts);
            numbers = Map.copyOf(numbers);
        }

        /**
         * @param at when the lead arrives
         * @return the events a host would send for it: a {@link LeadCaptured} (and, for a lead of {@value
         *         LeadHistory#FILE_NAME}, its interactions)
         */
        public List<Event> events(Instant at) {
            if (lead != null) {
                return lead.events(at);
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            texts.forEach((table, v) -> {
                if (table.startsWith(ATTRIBUTE_POINTS)) {
                    attributes.put(table.substring(ATTRIBUTE_POINTS.length()), v);
                }
            });
            numbers.forEach((table, v) -> attributes.put(table.substring(ATTRIBUTE_BANDS.length()),
                    v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) (double) v : v));
            String channel = texts.getOrDefault("channelPoints", "UNKNOWN");
            // anonymised: an address under example.invalid (a lead nobody could reach is not scored)
            return List.of(LeadCaptured.builder(id + ":captured", at, id, channel)
                    .email("lead-" + line + "@example.invalid").region(texts.get("regionPoints"))
                    .industry(texts.get("industryPoints")).title(texts.get("titlePoints")).attributes(attributes)
                    .build());
        }
    }

    static final String ATTRIBUTE_POINTS = "attributePoints.";
    static final String ATTRIBUTE_BANDS = "attributeBands.";

    /** The columns of {@value LeadHistory#FILE_NAME} that are scored, and their tables (docs/lead-scoring.md). */
    private static final List<Feature> X_EDUCATION = List.of(
            new Feature("Lead Origin", "channelPoints", List.of(), 0),
            new Feature("Lead Source", "attributePoints.leadSource", List.of(), 0),
            new Feature("Last Activity", "attributePoints.lastActivity", List.of(), 0),
            new Feature("Last Notable Activity", "attributePoints.lastNotableActivity", List.of(), 0),
            new Feature("Do Not Email", "attributePoints.emailOptOut", List.of(), 0),
            new Feature("Country", "regionPoints", List.of(), 0),
            new Feature("Specialization", "industryPoints", List.of(), 0),
            new Feature("What is your current occupation", "titlePoints", List.of(), 0),
            new Feature("Total Time Spent on Website", "attributeBands.timeOnSiteSeconds", List.of(), 0),
            new Feature("TotalVisits", "attributeBands.totalVisits", List.of(), 0),
            new Feature("Page Views Per Visit", "attributeBands.pageViewsPerVisit", List.of(), 0));

    private final String source;
    private final List<Feature> features;
    private final List<Row> rows;
    private final List<String> unused;
    private final String selection;

    private LeadTable(String source, List<Feature> features, List<Row> rows, List<String> unused, String selection) {
        this.source = source;
        this.features = List.copyOf(features);
        this.rows = List.copyOf(rows);
        this.unused = List.copyOf(unused);
        this.selection = selection;
    }

    /**
     * The "X Education" leads with the built-in mapping (docs/lead-scoring.md).
     *
     * @param fileOrFolder the file {@value LeadHistory#FILE_NAME}, or the folder that holds it
     * @return the leads, in lead-number order
     * @throws NoSuchFileException if there is no such file
     * @throws IOException         if it cannot be read
     * @throws DataFileException   naming file, line and column of the first value that cannot be read
     */
    public static LeadTable load(Path fileOrFolder) throws IOException {
        return of(LeadHistory.load(fileOrFolder));
    }

    /**
     * @param history the "X Education" leads
     * @return them with the built-in mapping
     */
    public static LeadTable of(LeadHistory history) {
        List<Row> rows = new ArrayList<>(history.leads().size());
        for (LeadHistory.Lead l : history.leads()) {
            Map<String, String> texts = new HashMap<>();
            put(texts, "channelPoints", l.origin() == null ? null : l.channel());
            put(texts, "attributePoints.leadSource", l.source());
            put(texts, "attributePoints.lastActivity", l.lastActivity());
            put(texts, "attributePoints.lastNotableActivity", l.lastNotableActivity());
            put(texts, "attributePoints.emailOptOut", l.doNotEmail() ? "Yes" : "No");
            put(texts, "regionPoints", l.country());
            put(texts, "industryPoints", l.specialization());
            put(texts, "titlePoints", l.occupation());
            Map<String, Double> numbers = new HashMap<>();
            put(numbers, "attributeBands.timeOnSiteSeconds", l.timeOnSiteSeconds());
            put(numbers, "attributeBands.totalVisits", l.totalVisits());
            put(numbers, "attributeBands.pageViewsPerVisit", l.pageViewsPerVisit());
            rows.add(new Row(l.line(), l.id(), l.converted(), texts, numbers, l));
        }
        return new LeadTable(history.file().getFileName().toString(), X_EDUCATION, rows, List.of(), null);
    }

    private static <T> void put(Map<String, T> m, String key, T value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /**
     * Any lead table in a CSV file (UTF-8, a byte-order mark allowed, a header row), read by a mapping.
     *
     * @param file    the file
     * @param mapping which column is what
     * @return the leads, in the file's order
     * @throws NoSuchFileException if there is no such file
     * @throws IOException         if it cannot be read
     * @throws DataFileException   naming file, line and column: a column the mapping names and the header lacks, an
     *                             outcome that is not one of the mapping's, a number that is not one, an id twice
     */
    public static LeadTable load(Path file, LeadMapping mapping) throws IOException {
        Objects.requireNonNull(mapping, "mapping");
        if (Files.isDirectory(file)) {
            throw new NoSuchFileException(file.toString(), null, "a folder; with --mapping give the CSV file itself");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no leads file there");
        }
        return read(file.getFileName().toString(), TableRows.csv(file), mapping);
    }

    /**
     * Any lead table as the result of a SQL query, read by a mapping (its columns are the result's column labels).
     *
     * @param connection an open connection; left open
     * @param sql        the query, e.g. {@code select * from crm_leads where created < '2025-01-01'}
     * @param mapping    which column is what
     * @return the leads, in the result's order
     * @throws SQLException      if the query fails
     * @throws DataFileException naming the row ({@code query:12}) and column of the first value that cannot be read
     */
    public static LeadTable query(Connection connection, String sql, LeadMapping mapping) throws SQLException {
        Objects.requireNonNull(mapping, "mapping");
        return read("query", TableRows.query(connection, sql), mapping);
    }

    private static LeadTable read(String source, TableRows table, LeadMapping mapping) {
        List<String> header = table.header();
        Map<String, Integer> at = new HashMap<>();
        for (String column : mapping.columns()) {
            at.put(column, table.index(column, "the mapping " + mapping.source() + " names the column '" + column
                    + "' (" + mapping.roleOf(column) + ")"));
        }
        List<Feature> features = mapping.features();
        List<Row> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (TableRows.Row r : table.rows()) {
            String outcome = r.cell(at.get(mapping.outcome()));
            Boolean converted = mapping.converted(outcome);
            if (converted == null) {
                throw table.error(r, at.get(mapping.outcome()), mapping.missing(outcome)
                        ? "the outcome is missing; every lead needs one (" + mapping.outcomeValues() + ")"
                        : "'" + PersonalData.scrub(outcome.strip()) + "' is not an outcome of the mapping ("
                        + mapping.outcomeValues() + ")");
            }
            String id;
            if (mapping.id() == null) {
                id = "lead-" + r.line();
            } else {
                String raw = r.cell(at.get(mapping.id()));
                if (mapping.missing(raw)) {
                    throw table.error(r, at.get(mapping.id()), "the lead id is missing");
                }
                id = "lead-" + raw.strip();
                Long before = seen.put(id, r.line());
                if (before != null) {
                    throw table.error(r, at.get(mapping.id()), "the lead id '" + PersonalData.scrub(raw.strip())
                            + "' is on "
                            + (source.equals("query") ? "row " : "line ") + before + " already");
                }
            }
            Map<String, String> texts = new HashMap<>();
            Map<String, Double> numbers = new HashMap<>();
            for (Feature f : features) {
                String raw = r.cell(at.get(f.column()));
                if (mapping.missing(raw)) {
                    continue;
                }
                if (f.isNumber()) {
                    numbers.put(f.table(), number(table, r, at.get(f.column()), raw.strip()));
                } else {
                    texts.put(f.table(), f.table().equals("channelPoints") ? LeadHistory.code(raw) : raw.strip());
                }
            }
            rows.add(new Row(r.line(), id, converted, texts, numbers, null));
        }
        if (rows.isEmpty()) {
            throw table.error(null, -1, "no leads, only the header");
        }
        List<String> unused = new ArrayList<>();
        for (String h : header) {
            if (!h.isBlank() && !mapping.mentions(h)) {
                unused.add(h.strip());
            }
        }
        return new LeadTable(source, features, rows, unused, null);
    }

    private static double number(TableRows table, TableRows.Row r, int column, String v) {
        try {
            double d = Double.parseDouble(v.replace(",", ""));
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        // a phone number mapped as a number by mistake is not printed
        throw table.error(r, column, "'" + PersonalData.scrub(v) + "' is not a number");
    }

    /**
     * @param subset some of this table's leads (a training or a test share)
     * @param what   what the subset is, for the description, e.g. {@code the test share (30 %, seed 42)}
     * @return a table of those leads only, in their order here
     */
    public LeadTable select(List<Row> subset, String what) {
        Map<Row, Integer> order = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            order.put(rows.get(i), i);
        }
        List<Row> sorted = new ArrayList<>(subset);
        sorted.sort(Comparator.comparingInt(r -> order.getOrDefault(r, Integer.MAX_VALUE)));
        return new LeadTable(source, features, sorted, unused, Objects.requireNonNull(what, "what"));
    }

    /** @return the leads */
    public List<Row> rows() {
        return rows;
    }

    /** @return the columns that are scored, in the mapping's order */
    public List<Feature> features() {
        return features;
    }

    /** @return where the leads come from: the file's name, or {@code query} */
    public String source() {
        return source;
    }

    /** @return the header's columns the mapping neither uses nor leaves out (empty for the built-in mapping) */
    public List<String> unusedColumns() {
        return unused;
    }

    /** @return how many of the leads converted */
    public int converted() {
        return (int) rows.stream().filter(Row::converted).count();
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "leads from %s: %,d leads, %,d converted (%.1f %%)%s", source, rows.size(),
                converted(), 100.0 * converted() / rows.size(), selection == null ? "" : ", " + selection);
    }

    @Override
    public Instant from() {
        return LeadHistory.START;
    }

    @Override
    public Instant to() {
        return LeadHistory.START.plusSeconds(60L * rows.size());
    }

    /** @return the leads' events, one lead a minute from {@link LeadHistory#START} (a lead table has no dates) */
    @Override
    public Stream<Event> events() {
        List<Event> all = new ArrayList<>(rows.size() * 3);
        for (int i = 0; i < rows.size(); i++) {
            all.addAll(rows.get(i).events(LeadHistory.START.plusSeconds(60L * i)));
        }
        return all.stream();
    }
}
