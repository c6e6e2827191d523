package dev.custflow.insights.report;

import java.util.List;
import java.util.Objects;

/**
 * What the report shows, laid out: a title, then sections of charts and tables, all text already in the report's
 * language.
 *
 * @param lang     the page's language tag ({@code zh-CN} or {@code en})
 * @param title    the page's title
 * @param lines    lines under the title (what was replayed, the scope, when)
 * @param sections the sections, in order
 * @param footer   the line at the bottom (where the definitions are)
 */
record Page(String lang, String title, List<String> lines, List<Section> sections, String footer) {
    /** Copies the lists. */
    public Page {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(title, "title");
        lines = List.copyOf(lines);
        sections = List.copyOf(sections);
        Objects.requireNonNull(footer, "footer");
    }

    /**
     * One section.
     *
     * @param id     its anchor in the page
     * @param title  its heading
     * @param note   a sentence saying what it shows and how it is counted
     * @param charts its charts (may be empty)
     * @param tables its tables (may be empty)
     */
    public record Section(String id, String title, String note, List<Chart> charts, List<Table> tables) {
        /** Copies the lists. */
        public Section {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(note, "note");
            charts = List.copyOf(charts);
            tables = List.copyOf(tables);
        }
    }

    /**
     * A table of text cells; numbers already formatted.
     *
     * @param id      its id in the page
     * @param header  the column headings
     * @param rows    the rows, each as long as the header
     * @param numeric per column, whether it is right-aligned (numbers)
     */
    public record Table(String id, List<String> header, List<List<String>> rows, List<Boolean> numeric) {
        /** Checks that every row is as long as the header. */
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            numeric = List.copyOf(numeric);
            for (List<String> r : rows) {
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException("table " + id + ": a row of " + r.size() + " cells under "
                            + header.size() + " headings");
                }
            }
            if (numeric.size() != header.size()) {
                throw new IllegalArgumentException("table " + id + ": alignment for " + numeric.size() + " of "
                        + header.size() + " columns");
            }
        }
    }
}
