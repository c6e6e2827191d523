package dev.custflow.examples.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.custflow.examples.DataFileException;
import dev.custflow.text.Suggest;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of text cells with a header, read from a CSV file or a query's result, with errors that point at a cell:
 * {@code leads.csv:12:40: column '停留秒数': ...} for a file (line, character column), {@code query:12: column
 * '停留秒数': ...} for a query (row).
 */
public final class TableRows {
    /**
     * One row.
     *
     * @param line    the line of the file where it starts, or its row number in the result (from 1)
     * @param values  its cells, as text ("" for an empty one or SQL NULL)
     * @param columns the character column where each cell starts, or null for a query
     */
    public record Row(long line, String[] values, int[] columns) {
        /**
         * @param index a column's index in the header
         * @return its cell, "" when the row is shorter than the header
         */
        public String cell(int index) {
            return index < values.length ? values[index] : "";
        }

        /** @return true when every cell is empty or spaces */
        public boolean isBlank() {
            return blank(values);
        }
    }

    private final Path file;
    private final long headerLine;
    private final List<String> header;
    private final List<Row> rows;

    private TableRows(Path file, long headerLine, List<String> header, List<Row> rows) {
        this.file = file;
        this.headerLine = headerLine;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    /**
     * @param file a UTF-8 CSV file with a header row; a byte-order mark before it is skipped, blank rows too
     * @return its rows
     * @throws IOException       if it cannot be read
     * @throws DataFileException if it is not valid CSV or has no header
     */
    public static TableRows csv(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        Row header = null;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvParser p = new CsvMapper().getFactory().createParser(in)) {
            for (Row r = next(p, file); r != null; r = next(p, file)) {
                if (header == null) {
                    header = r;
                } else if (!blank(r.values())) {
                    rows.add(r);
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new DataFileException(file, where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr(), "not valid CSV: " + e.getOriginalMessage());
        }
        if (header == null) {
            throw new DataFileException(file, 1, "the file is empty; expected a header row with the column names");
        }
        List<String> names = new ArrayList<>();
        for (String v : header.values()) {
            names.add(v.replace("\uFEFF", "").strip()); // a byte-order mark, as Excel writes "CSV UTF-8"
        }
        return new TableRows(file, header.line(), names, rows);
    }

    /**
     * @param connection an open connection, left open
     * @param sql        a query
     * @return its result, every cell as text
     * @throws SQLException if the query fails
     */
    public static TableRows query(Connection connection, String sql) throws SQLException {
        List<Row> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int c = 1; c <= md.getColumnCount(); c++) {
                header.add(md.getColumnLabel(c));
            }
            long n = 0;
            while (rs.next()) {
                String[] values = new String[header.size()];
                for (int c = 0; c < values.length; c++) {
                    String v = rs.getString(c + 1);
                    values[c] = v == null ? "" : v;
                }
                rows.add(new Row(++n, values, null));
            }
        }
        return new TableRows(null, 0, header, rows);
    }

    private static boolean blank(String[] values) {
        for (String v : values) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param p    a CSV parser reading rows as arrays
     * @param file the file, for errors
     * @return the next row with its line and each cell's column, or null at the end
     * @throws DataFileException if the file ends inside a row
     */
    public static Row next(CsvParser p, Path file) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return null;
        }
        long line = p.currentLocation().getLineNr();
        List<String> values = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new DataFileException(file, line, "the file ends inside a row");
            }
            if (values.isEmpty()) {
                line = p.currentTokenLocation().getLineNr();
            }
            values.add(p.getText() == null ? "" : p.getText());
            columns.add(p.currentTokenLocation().getColumnNr());
        }
        return new Row(line, values.toArray(String[]::new), columns.stream().mapToInt(Integer::intValue).toArray());
    }

    /** @return the column names, stripped */
    public List<String> header() {
        return header;
    }

    /** @return the rows after the header */
    public List<Row> rows() {
        return rows;
    }

    /**
     * Finds a column: its exact name first, else the one equal ignoring case and spaces.
     *
     * @param name who asks for what, for the error, e.g. {@code the mapping m.yaml names the column '停留秒数'}
     * @param what the start of the error message when it is not there
     * @return its index
     * @throws DataFileException naming the header's line, the columns there are and the closest name
     */
    public int index(String name, String what) {
        int exact = header.indexOf(name.strip());
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < header.size(); i++) {
            if (squeeze(header.get(i)).equals(squeeze(name))) {
                return i;
            }
        }
        String hint = Suggest.closest(name, header).map(s -> ". Did you mean '" + s + "'?").orElse("");
        throw error(null, -1, what + ", which the " + (file == null ? "query's result" : "header")
                + " does not have" + hint + " The columns are: " + String.join(", ", header));
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /**
     * @param row     the row, or null for the header
     * @param index   the column's index, or -1 for the whole row
     * @param problem what is wrong
     * @return an error naming the file and line (or the query's row) and the column
     */
    public DataFileException error(Row row, int index, String problem) {
        long line = row == null ? headerLine : row.line();
        String column = index < 0 ? "" : "column '" + header.get(index) + "': ";
        if (file == null) {
            return new DataFileException("query", row == null ? 0 : line, 0, column + problem);
        }
        int at = row == null || index < 0 || index >= row.columns().length ? 0 : row.columns()[index];
        return new DataFileException(file, line, at, column + problem);
    }
}
