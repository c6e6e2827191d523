package dev.custflow.connectors.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Driver messages as PgJDBC, H2 and MariaDB write them, with customer data inside: what remains has none. */
class SqlErrorsTest {
    private static final String PHONE = "13800138002";
    private static final String EMAIL = "zhang.wei@example.com";

    @Test
    void aPgJdbcBatchEntry_losesTheStatementAndItsParameters() {
        BatchUpdateException e = new BatchUpdateException("Batch entry 0 INSERT INTO cf_customer (customer_id, snapshot, "
                + "event_position) VALUES (('C-" + PHONE + "'), ('\\x0a0b" + PHONE + "'::bytea), ('12'::int8)) was "
                + "aborted: ERROR: value too long for type character varying(200)  Call getNextException to see other "
                + "errors in the batch.", "22001", 0, new int[0]);
        e.setNextException(new SQLException("ERROR: value too long for type character varying(200)\n  Where: "
                + "'" + EMAIL + "'", "22001"));
        SQLException safe = SqlErrors.withoutData(e);
        assertThat(safe.getMessage()).startsWith("SQL state 22001: Batch entry 0 was aborted: ERROR: value too long")
                .doesNotContain(PHONE).doesNotContain("INSERT");
        assertThat(safe.getNextException().getMessage()).doesNotContain(EMAIL).contains("value too long");
        assertThat(safe.getSQLState()).isEqualTo("22001");
        assertThat(safe.getStackTrace()).isEqualTo(e.getStackTrace());
    }

    @Test
    void aUniqueViolation_keepsTheConstraint_notTheKey() {
        SQLException e = new SQLException("ERROR: duplicate key value violates unique constraint \"cf_customer_pkey\"\n"
                + "  Detail: Key (customer_id)=(" + EMAIL + ") already exists.", "23505");
        assertThat(SqlErrors.describe(e)).isEqualTo(
                "SQL state 23505: ERROR: duplicate key value violates unique constraint \"cf_customer_pkey\"");
        SQLException inline = new SQLException("Duplicate entry '" + EMAIL + "' for key 'PRIMARY'", "23000", 1062);
        assertThat(SqlErrors.describe(inline)).isEqualTo("SQL state 23000, error code 1062: Duplicate entry '…' for "
                + "key '…'");
        SQLException keyValue = new SQLException("Key (customer_id)=(" + PHONE + ") is not present", "23503");
        assertThat(SqlErrors.describe(keyValue)).doesNotContain(PHONE).contains("Key (customer_id)=(…)");
    }

    @Test
    void anH2ValueTooLong_losesTheValueAndTheStatement() {
        SQLException e = new SQLException("Value too long for column \"CUSTOMER_ID CHARACTER VARYING(200)\": \"'C-"
                + PHONE + "...' (250)\"; SQL statement:\nINSERT INTO cf_customer VALUES (?, ?, ?) [22001-252]",
                "22001", 22001);
        assertThat(SqlErrors.describe(e)).doesNotContain(PHONE).doesNotContain("INSERT")
                .startsWith("SQL state 22001, error code 22001: Value too long for column");
    }

    @Test
    void hexBlobsAndValueLists_areCut() {
        SQLException e = new SQLException("cannot insert X'0a" + PHONE + "' or 0x0a0b0c0d0e0f1011 or VALUES (1, '"
                + EMAIL + "')", "42000");
        assertThat(SqlErrors.describe(e)).doesNotContain(PHONE).doesNotContain(EMAIL).doesNotContain("0a0b0c0d");
    }
}
