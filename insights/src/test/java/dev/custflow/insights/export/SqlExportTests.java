package dev.custflow.insights.export;

import dev.custflow.connectors.testkit.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The SQL export on one database; subclasses say which (H2 here, PostgreSQL and MariaDB where a server runs). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SqlExportTests {
    private ScratchDatabase db;

    abstract ScratchDatabase open() throws Exception;

    @BeforeAll
    void openDatabase() throws Exception {
        db = open();
    }

    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    private List<List<Object>> select(Connection c, BiSchema.Table t, String scope) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT " + String.join(", ",
                t.columnNames()) + " FROM " + t.name() + " WHERE scope = '" + scope + "' ORDER BY "
                + (t == BiSchema.KPIS ? "kpi, grain, period_start, dimension, member"
                : t == BiSchema.CUSTOMERS ? "customer_id" : "table_name"))) {
            ResultSetMetaData m = r.getMetaData();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    BiSchema.Column col = t.columns().get(i - 1);
                    Object v = switch (col.type()) {
                        case TEXT -> r.getString(i);
                        case INTEGER -> r.getObject(i) == null ? null : r.getLong(i);
                        case NUMBER -> r.getObject(i) == null ? null : r.getDouble(i);
                        case DATE -> r.getObject(i, LocalDate.class);
                        case TIMESTAMP -> r.getObject(i) == null ? null
                                : r.getObject(i, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    };
                    row.add(v);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<List<Object>> sorted(BiExport export, BiSchema.Table t) {
        List<List<Object>> rows = new ArrayList<>(export.rows(t));
        java.util.Comparator<List<Object>> order = t == BiSchema.KPIS
                ? java.util.Comparator.comparing((List<Object> r) -> (String) r.get(3))
                        .thenComparing(r -> (String) r.get(4))
                        .thenComparing(r -> (LocalDate) r.get(5), java.util.Comparator.nullsFirst(
                                java.util.Comparator.naturalOrder()))
                        .thenComparing(r -> (String) r.get(7)).thenComparing(r -> (String) r.get(8))
                : java.util.Comparator.comparing((List<Object> r) -> (String) r.get(3));
        rows.sort(order);
        return rows;
    }

    @Test
    void export_readBackWithSql_givesTheSameRowsAndValues() throws Exception {
        BiExport export = ExportSamples.export("scope-a");
        try (Connection c = db.connect()) {
            assertThat(export.writeTo(c)).containsEntry("custflow_bi_kpi", 4).containsEntry("custflow_bi_customer", 2);

            for (BiSchema.Table t : BiSchema.tables()) {
                List<List<Object>> back = select(c, t, "scope-a");
                List<List<Object>> expected = sorted(export, t);
                // ORDER BY puts NULL first in H2 and MariaDB, last in PostgreSQL: compare as sets of rows
                assertThat(back).as(t.name()).containsExactlyInAnyOrderElementsOf(expected);
            }
            assertThat(select(c, BiSchema.SCHEMA, "scope-a").stream().map(r -> r.get(1)).toList())
                    .containsOnly((long) BiSchema.VERSION);
        }
    }

    @Test
    void exportOfAnotherScope_leavesTheFirstScopesRows_andAgain_replacesItsOwn() throws Exception {
        try (Connection c = db.connect()) {
            ExportSamples.export("scope-b").writeTo(c);
            ExportSamples.export("scope-c").writeTo(c);
            BiExport later = BiExport.of("scope-b", Instant.parse("2025-04-30T00:00:00Z"), java.time.ZoneOffset.UTC,
                    ExportSamples.kpis().subList(0, 1), List.of());
            later.writeTo(c);

            assertThat(select(c, BiSchema.KPIS, "scope-b")).hasSize(1);
            assertThat(select(c, BiSchema.CUSTOMERS, "scope-b")).isEmpty();
            assertThat(select(c, BiSchema.KPIS, "scope-c")).hasSize(4);
            assertThat(select(c, BiSchema.CUSTOMERS, "scope-c")).hasSize(2);
        }
    }

    @Test
    void tableOfAnotherShape_isNotWrittenInto_andTheErrorNamesIt() throws Exception {
        try (Connection c = db.connect()) {
            ExportSamples.export("scope-d").writeTo(c);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE custflow_bi_customer ADD COLUMN extra VARCHAR(10)");
            }
            try {
                assertThatThrownBy(() -> ExportSamples.export("scope-e").writeTo(c))
                        .hasMessageContaining("custflow_bi_customer").hasMessageContaining("extra")
                        .hasMessageContaining("nothing was written");
                assertThat(select(c, BiSchema.KPIS, "scope-e")).isEmpty();
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE custflow_bi_customer DROP COLUMN extra");
                }
            }
        }
    }
}
