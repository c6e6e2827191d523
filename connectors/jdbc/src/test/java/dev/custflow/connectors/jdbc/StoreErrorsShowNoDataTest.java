package dev.custflow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custflow.ConnectorException;
import dev.custflow.spi.StoreCommit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A failed commit is reported with the database's reason but without the snapshot's or the key's contents. */
class StoreErrorsShowNoDataTest {
    private static final String PHONE = "13800138002";
    private static final String EMAIL = "zhang.wei@example.com";

    @Test
    void aCommitTheDatabaseRefuses_namesTheProblem_notTheCustomer() {
        try (TestDatabase db = TestDatabase.h2();
             JdbcCustomerStore store = JdbcCustomerStore.builder().dataSource(db.pool)
                     .tablePrefix(TestDatabase.freshPrefix()).build()) {
            String tooLong = "C-" + PHONE + "-" + "x".repeat(250); // longer than the 200 of the key column
            byte[] snapshot = ("phone " + PHONE + " e-mail " + EMAIL).getBytes(StandardCharsets.UTF_8);
            ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> store.commit(new StoreCommit(
                    1, "e1", Map.of(), Set.of(), Map.of(tooLong, snapshot), Set.of(), List.of())));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("SQL state 22001");
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(t.getMessage()).as("message of %s", t.getClass().getName())
                        .doesNotContain(PHONE).doesNotContain(EMAIL);
            }
        }
    }
}
