package dev.custflow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.ConnectorException;
import dev.custflow.connectors.testkit.SampleActions;
import dev.custflow.spi.ActionSink;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.StoredState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-setup default (an H2 file), and the builders' checks. */
class JdbcCustomerStoreBuilderTest {
    @TempDir
    Path dir;

    @Test
    void anH2File_isTheZeroSetupDefault_withWriteDelayZero_andKeepsItsStateAcrossARestart() {
        Path file = dir.resolve("data").resolve("custflow");
        try (JdbcCustomerStore store = JdbcCustomerStore.builder().h2File(file).build()) {
            assertThat(store.name()).startsWith("jdbc:h2:file:" + file.toAbsolutePath()).contains(";WRITE_DELAY=0")
                    .endsWith(" cf_");
            assertThat(store.load()).isEqualTo(StoredState.EMPTY);
            store.commit(new StoreCommit(4, "evt-4", Map.of("state", new byte[] {4}), Set.of(), Map.of("A", new byte[] {1}), Set.of(),
                    SampleActions.actions("A", 0, 2)));
        }
        assertThat(Files.exists(dir.resolve("data").resolve("custflow.mv.db"))).isTrue();
        try (JdbcCustomerStore again = JdbcCustomerStore.builder().h2File(file).build()) {
            assertThat(again.load().position()).isEqualTo(4);
            assertThat(again.pendingActions()).isEqualTo(2);
        }
    }

    @Test
    void aPrefixThatIsNotAPlainSqlName_isRefusedAtOnce_withAnExample() {
        assertThatThrownBy(() -> JdbcCustomerStore.builder().tablePrefix("cf; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cf; DROP TABLE x")
                .hasMessageContaining("e.g. cf_");
    }

    @Test
    void aUrlThatIsNotJdbc_isRefusedAtOnce() {
        assertThatThrownBy(() -> JdbcCustomerStore.builder().url("postgresql://db/erp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void aServerThatDoesNotAnswer_isAConnectorErrorNamingTheUrl_withoutThePassword() {
        assertThatThrownBy(() -> JdbcCustomerStore.builder()
                .url("jdbc:h2:file:" + dir.resolve("x") + ";IFEXISTS=TRUE;PASSWORD=secret").build())
                .isInstanceOf(ConnectorException.class).hasMessageContaining("jdbc:h2:file:")
                .hasMessageNotContaining("secret");
    }

    @Test
    void theShippedSql_isThereForEveryVendor_withThePrefixFilledIn() {
        for (String vendor : new String[] {"h2", "postgresql", "mariadb", "mysql"}) {
            assertThat(JdbcCustomerStore.migrationSql(vendor, "erp_cf_"))
                    .contains("CREATE TABLE erp_cf_customer", "CREATE TABLE erp_cf_engine_state",
                            "CREATE TABLE erp_cf_outbox", "CREATE TABLE erp_cf_relay_lease",
                            "CREATE TABLE erp_cf_engine_part")
                    .doesNotContain("${prefix}");
        }
        assertThatThrownBy(() -> JdbcCustomerStore.migrationSql("oracle", "cf_"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oracle");
    }

    @Test
    void aRelayWhosePollIsNotWellUnderItsLease_isRefused() {
        try (JdbcCustomerStore store = JdbcCustomerStore.builder().h2File(dir.resolve("db")).build()) {
            assertThatThrownBy(() -> OutboxRelay.builder(store, ActionSink.none()).leaseDuration(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofSeconds(1)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("under a third of the lease");
        }
    }
}
