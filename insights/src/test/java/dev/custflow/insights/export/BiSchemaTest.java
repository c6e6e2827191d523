package dev.custflow.insights.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The BI tables' columns are pinned: a dashboard is built on them, so changing one must be a deliberate new schema
 * version (docs/bi-export.md), and this test is where that decision shows.
 */
class BiSchemaTest {

    @Test
    void version_isOne() {
        assertThat(BiSchema.VERSION).isEqualTo(1);
    }

    @Test
    void kpiTable_hasTheColumnsOfVersionOne() {
        assertThat(BiSchema.KPIS.name()).isEqualTo("custflow_bi_kpi");
        assertThat(BiSchema.KPIS.columnNames()).containsExactly("schema_version", "scope", "as_of", "kpi", "grain",
                "period_start", "period_end", "dimension", "member", "kpi_value", "numerator", "denominator", "unit");
    }

    @Test
    void customerTable_hasTheColumnsOfVersionOne() {
        assertThat(BiSchema.CUSTOMERS.name()).isEqualTo("custflow_bi_customer");
        assertThat(BiSchema.CUSTOMERS.columnNames()).containsExactly("schema_version", "scope", "as_of",
                "customer_id", "name", "phone", "email", "stage", "segment", "channel", "region", "rep", "team", "orders",
                "revenue", "last_order_at");
    }

    @Test
    void schemaTable_hasTheColumnsOfVersionOne() {
        assertThat(BiSchema.SCHEMA.columnNames()).containsExactly("table_name", "schema_version", "scope", "as_of");
    }

    @Test
    void everyColumn_isInTheDoc_withItsType() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "bi-export.md"), StandardCharsets.UTF_8);
        for (BiSchema.Table t : java.util.List.of(BiSchema.KPIS, BiSchema.CUSTOMERS, BiSchema.SCHEMA)) {
            String section = doc.substring(doc.indexOf("### `" + t.name() + "`"));
            for (BiSchema.Column c : t.columns()) {
                assertThat(section).as(t.name() + "." + c.name())
                        .containsPattern("\\| `" + c.name() + "` \\| " + c.type().name().toLowerCase() + "[ (]");
            }
        }
        assertThat(doc).contains("Schema version " + BiSchema.VERSION);
    }
}
