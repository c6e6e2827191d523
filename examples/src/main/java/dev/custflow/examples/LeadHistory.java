package dev.custflow.examples;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.custflow.event.Event;
import dev.custflow.examples.internal.TableRows;
import dev.custflow.examples.internal.TableRows.Row;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.model.InteractionKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * Past leads with their outcome, from the "X Education" lead-scoring data set ({@value #FILE_NAME}: one
 * row per inbound lead of an education company, {@code Converted} 1 when it became a paying
 * customer), as the events a host would send: a {@link LeadCaptured} with the profile and the CRM
 * fields as attributes, then an {@link InteractionLogged} for the time on site and one for the last
 * activity when it is an interaction kind.
 *
 * <p>Cleaning: empty cells and the form's placeholder {@code Select} are missing values. The columns
 * that leak the outcome ({@code Tags}, {@code Lead Quality}, {@code Lead Profile}: the sales team's
 * judgement of the lead, filled in while or after it was worked) and the vendor's own
 * {@code Asymmetrique*} scores are not read at all.
 *
 * <p>The file has no dates: the leads arrive one a minute from {@link #START}, in the order of their
 * lead number, which is the order the CRM numbered them in.
 */
public final class LeadHistory implements EventHistory {
    /** The file's name in the data folder. */
    public static final String FILE_NAME = "Leads.csv";
    /** When the first lead arrives (the file has no dates). */
    public static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

    /** The columns read; every other column is left alone. */
    static final List<String> COLUMNS = List.of("Lead Number", "Lead Origin", "Lead Source", "Do Not Email",
            "Do Not Call", "Converted", "TotalVisits", "Total Time Spent on Website", "Page Views Per Visit",
            "Last Activity", "Country", "Specialization", "What is your current occupation", "City",
            "Last Notable Activity");

    /** {@code Last Activity} values that are an interaction of the engine's kinds; the others are only attributes. */
    private static final Map<String, InteractionKind> ACTIVITY_KINDS = Map.of(
            "email opened", InteractionKind.EMAIL_OPENED,
            "email link clicked", InteractionKind.EMAIL_CLICKED,
            "view in browser link clicked", InteractionKind.EMAIL_CLICKED,
            "page visited on website", InteractionKind.PAGE_VIEW,
            "form submitted on website", InteractionKind.FORM_SUBMITTED,
            "olark chat conversation", InteractionKind.CHAT,
            "had a phone conversation", InteractionKind.CALL,
            "visited booth in tradeshow", InteractionKind.EVENT_ATTENDED);

    private final Path file;
    private final List<Lead> leads;
    private final String selection;

    /**
     * One lead as the file has it, cleaned: text fields are null when missing (empty or {@code Select}).
     *
     * @param line               the line of the file where its row starts
     * @param leadNumber         {@code Lead Number}, unique
     * @param converted          {@code Converted}: it became a paying customer
     * @param origin             {@code Lead Origin} (Landing Page Submission, API, Lead Add Form...)
     * @param source             {@code Lead Source} (Google, Direct Traffic, Olark Chat, Reference...)
     * @param doNotEmail         {@code Do Not Email}
     * @param doNotCall          {@code Do Not Call}
     * @param totalVisits        {@code TotalVisits}, or null
     * @param timeOnSiteSeconds  {@code Total Time Spent on Website}, or null
     * @param pageViewsPerVisit  {@code Page Views Per Visit}, or null
     * @param lastActivity       {@code Last Activity}
     * @param country            {@code Country}
     * @param specialization     {@code Specialization}
     * @param occupation         {@code What is your current occupation}
     * @param city               {@code City}
     * @param lastNotableActivity {@code Last Notable Activity}
     */
    public record Lead(long line, long leadNumber, boolean converted, String origin, String source,
                       boolean doNotEmail, boolean doNotCall, Double totalVisits, Double timeOnSiteSeconds,
                       Double pageViewsPerVisit, String lastActivity, String country, String specialization,
                       String occupation, String city, String lastNotableActivity) {

        /** @return the engine's customer id: {@code lead-} and the lead number */
        public String id() {
            return "lead-" + leadNumber;
        }

        /**
         * @return the channel: {@code Lead Origin} as a code ({@code Landing Page Submission} is
         *         {@code LANDING_PAGE_SUBMISSION}), or {@code UNKNOWN}
         */
        public String channel() {
            String c = origin == null ? "" : code(origin);
            return c.isEmpty() ? "UNKNOWN" : c;
        }

        /** @return the interaction kind the last activity is, or null when it is none of the engine's */
        public InteractionKind lastActivityKind() {
            return lastActivity == null ? null : ACTIVITY_KINDS.get(lastActivity.toLowerCase(Locale.ROOT));
        }

        /**
         * @return the host attributes the lead carries: {@code leadSource}, {@code lastActivity},
         *         {@code lastNotableActivity}, {@code emailOptOut} (Yes or No), {@code timeOnSiteSeconds},
         *         {@code totalVisits}, {@code pageViewsPerVisit} (those known)
         */
        public Map<String, Object> attributes() {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "leadSource", source);
            put(m, "lastActivity", lastActivity);
            put(m, "lastNotableActivity", lastNotableActivity);
            put(m, "emailOptOut", doNotEmail ? "Yes" : "No");
            put(m, "timeOnSiteSeconds", number(timeOnSiteSeconds));
            put(m, "totalVisits", number(totalVisits));
            put(m, "pageViewsPerVisit", number(pageViewsPerVisit));
            return m;
        }

        /**
         * The events a host would send for this lead: the capture, a page view with the time on site
         * (when the lead visited), and the last activity when it is an interaction kind. Every lead is
         * given an e-mail address under {@code example.invalid}: the data set is anonymised, and a
         * lead with no contact data is not scored (nobody could work it).
         *
         * @param at when the lead arrives; its interactions follow 20 and 40 seconds later
         * @return the events, in time order
         */
        public List<Event> events(Instant at) {
            List<Event> out = new ArrayList<>(3);
            out.add(LeadCaptured.builder(id() + ":captured", at, id(), channel())
                    .email(id() + "@example.invalid").region(country).city(city).industry(specialization)
                    .title(occupation).doNotEmail(doNotEmail).doNotCall(doNotCall).attributes(attributes()).build());
            boolean visited = timeOnSiteSeconds != null && timeOnSiteSeconds > 0
                    || totalVisits != null && totalVisits > 0;
            if (visited) {
                long pages = totalVisits == null || pageViewsPerVisit == null ? 1
                        : Math.max(1, Math.round(totalVisits * pageViewsPerVisit));
                Integer seconds = timeOnSiteSeconds == null ? null : (int) Math.round(timeOnSiteSeconds);
                out.add(new InteractionLogged(id() + ":time-on-site", at.plusSeconds(20), id(),
                        InteractionKind.PAGE_VIEW, null, (int) Math.min(Integer.MAX_VALUE, pages), seconds,
                        "time on site from the web analytics"));
            }
            InteractionKind kind = lastActivityKind();
            if (kind != null) {
                out.add(new InteractionLogged(id() + ":last-activity", at.plusSeconds(40), id(), kind, null, null,
                        null, lastActivity));
            }
            return out;
        }

        private static void put(Map<String, Object> m, String key, Object value) {
            if (value != null) {
                m.put(key, value);
            }
        }

        private static Object number(Double d) {
            if (d == null) {
                return null;
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) (double) d : d;
        }
    }

    private LeadHistory(Path file, List<Lead> leads, String selection) {
        this.file = file;
        this.leads = leads;
        this.selection = selection;
    }

    /**
     * Reads and checks the whole file.
     *
     * @param fileOrFolder the file, or the folder that holds {@value #FILE_NAME}
     * @return the leads, ordered by lead number
     * @throws NoSuchFileException if there is no such file
     * @throws IOException         if the file cannot be read
     * @throws DataFileException   naming file, line and column of the first value that cannot be read
     */
    public static LeadHistory load(Path fileOrFolder) throws IOException {
        Path file = Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve(FILE_NAME) : fileOrFolder;
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null,
                    "no leads file there; give the file " + FILE_NAME + " or the folder that holds it");
        }
        List<Lead> leads = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvParser p = mapper.getFactory().createParser(in)) {
            Row header = TableRows.next(p, file);
            if (header == null) {
                throw new DataFileException(file, 1, "the file is empty; expected a header with the columns "
                        + String.join(", ", COLUMNS));
            }
            int[] at = columns(file, header);
            Map<Long, Long> seen = new HashMap<>();
            for (Row row = TableRows.next(p, file); row != null; row = TableRows.next(p, file)) {
                if (row.isBlank()) {
                    continue;
                }
                Lead lead = parse(file, header, at, row);
                Long before = seen.put(lead.leadNumber(), lead.line());
                if (before != null) {
                    throw new DataFileException(file, row.line(), row.columns()[at[0]], "the lead number "
                            + lead.leadNumber() + " is on line " + before + " already");
                }
                leads.add(lead);
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new DataFileException(file, where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr(), "not valid CSV: " + e.getOriginalMessage());
        }
        if (leads.isEmpty()) {
            throw new DataFileException(file, 2, "no leads in the file, only the header");
        }
        leads.sort(Comparator.comparingLong(Lead::leadNumber));
        return new LeadHistory(file, List.copyOf(leads), null);
    }

    /** The index of each of {@link #COLUMNS} in the header; spaces and case do not matter. */
    private static int[] columns(Path file, Row header) {
        int[] at = new int[COLUMNS.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            at[i] = -1;
            for (int j = 0; j < header.values().length; j++) {
                if (squeeze(header.values()[j]).equals(squeeze(COLUMNS.get(i)))) {
                    at[i] = j;
                    break;
                }
            }
            if (at[i] < 0) {
                missing.add("'" + COLUMNS.get(i) + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFileException(file, header.line(), "the header has no column " + String.join(", ", missing)
                    + "; it has " + String.join(", ", header.values()).strip());
        }
        return at;
    }

    private static String squeeze(String s) {
        // a byte-order mark before the first name, as Excel's "CSV UTF-8" writes, is not part of it
        return s.replace("\uFEFF", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static Lead parse(Path file, Row header, int[] at, Row row) {
        Cells c = new Cells(file, header, at, row);
        String number = c.text(0);
        long leadNumber;
        try {
            leadNumber = Long.parseLong(number == null ? "" : number);
        } catch (NumberFormatException e) {
            throw c.error(0, "the lead number '" + c.raw(0) + "' is not a whole number");
        }
        String converted = c.raw(5).strip();
        if (!converted.equals("0") && !converted.equals("1")) {
            throw c.error(5, "'" + converted + "' is not an outcome: Converted is 1 (became a customer) or 0");
        }
        return new Lead(row.line(), leadNumber, converted.equals("1"), c.text(1), c.text(2), c.yesNo(3), c.yesNo(4),
                c.number(6), c.number(7), c.number(8), c.text(9), c.text(10), c.text(11), c.text(12), c.text(13),
                c.text(14));
    }

    /** The cells of one row by the index of their column in {@link #COLUMNS}, with errors that point at them. */
    private record Cells(Path file, Row header, int[] at, Row row) {
        String raw(int column) {
            int i = at[column];
            if (i >= row.values().length) {
                throw new DataFileException(file, row.line(), "the row has " + row.values().length + " values; the "
                        + "header has " + header.values().length + " (column '" + COLUMNS.get(column) + "' is missing)");
            }
            return row.values()[i];
        }

        /** @return the cleaned text: null for an empty cell or the form's placeholder "Select" */
        String text(int column) {
            String v = raw(column).strip();
            return v.isEmpty() || v.equalsIgnoreCase("select") ? null : v;
        }

        boolean yesNo(int column) {
            String v = raw(column).strip();
            if (v.equalsIgnoreCase("yes")) {
                return true;
            }
            if (v.equalsIgnoreCase("no") || v.isEmpty()) {
                return false;
            }
            throw error(column, "'" + v + "' is neither Yes nor No");
        }

        Double number(int column) {
            String v = raw(column).strip();
            if (v.isEmpty()) {
                return null;
            }
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw error(column, "'" + v + "' is not a number");
            }
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw error(column, "'" + v + "' is not a count or a duration: it must be 0 or more");
            }
            return d;
        }

        DataFileException error(int column, String problem) {
            return new DataFileException(file, row.line(), row.columns()[at[column]], "column '" + COLUMNS.get(column)
                    + "': " + problem);
        }
    }

    /**
     * @param subset some of this history's leads (a training or a test share)
     * @param what   what the subset is, for the description, e.g. {@code test share (30 %, seed 42)}
     * @return a history of those leads only, in lead-number order
     */
    public LeadHistory select(List<Lead> subset, String what) {
        List<Lead> sorted = new ArrayList<>(subset);
        sorted.sort(Comparator.comparingLong(Lead::leadNumber));
        return new LeadHistory(file, List.copyOf(sorted), Objects.requireNonNull(what, "what"));
    }

    /** @return the leads, ordered by lead number */
    public List<Lead> leads() {
        return leads;
    }

    /** @return the file read */
    public Path file() {
        return file;
    }

    /** @return how many of the leads converted */
    public int converted() {
        return (int) leads.stream().filter(Lead::converted).count();
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "leads from %s: %,d leads, %,d converted (%.1f %%)%s",
                file.getFileName(), leads.size(), converted(), 100.0 * converted() / leads.size(),
                selection == null ? "" : ", " + selection);
    }

    @Override
    public Instant from() {
        return START;
    }

    @Override
    public Instant to() {
        return START.plusSeconds(60L * leads.size());
    }

    @Override
    public Stream<Event> events() {
        List<Event> all = new ArrayList<>(leads.size() * 3);
        for (int i = 0; i < leads.size(); i++) {
            all.addAll(leads.get(i).events(START.plusSeconds(60L * i)));
        }
        return all.stream();
    }

    /** Upper case, other characters to {@code _}: {@code Landing Page Submission} is {@code LANDING_PAGE_SUBMISSION}. */
    static String code(String name) {
        return name.strip().toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", "");
    }
}
