package dev.custflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.internal.runtime.Snapshots;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.spi.CustomerStore;
import java.util.Arrays;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The snapshot format's own rules: a version byte first, every byte accounted for, re-encoding is stable. */
class SnapshotsTest {

    private static TreeMap<String, byte[]> storyCustomers() {
        CustomerStore store = SnapshotFixtures.storyStore();
        TreeMap<String, byte[]> customers = new TreeMap<>();
        store.forEachCustomer(customers::put);
        return customers;
    }

    @Test
    void aCustomerSnapshot_startsWithTheVersion_andReEncodesToTheSameBytes() {
        storyCustomers().forEach((id, bytes) -> {
            assertThat(bytes[0]).isEqualTo((byte) Snapshots.VERSION);
            CustomerRecord c = Snapshots.customer(bytes);
            assertThat(c.getId()).isEqualTo(id);
            assertThat(Snapshots.customer(c)).isEqualTo(bytes);
        });
    }

    @Test
    void aSnapshotOfANewerVersion_isRefusedWithTheVersions() {
        byte[] bytes = storyCustomers().get("C-2").clone();
        bytes[0] = (byte) (Snapshots.VERSION + 1);
        assertThatThrownBy(() -> Snapshots.customer(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version " + (Snapshots.VERSION + 1))
                .hasMessageContaining("written by a newer engine");
    }

    @Test
    void aTruncatedSnapshot_isRefused() {
        byte[] bytes = storyCustomers().get("L-1");
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> Snapshots.customer(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> Snapshots.customer(longer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytes after its end");
    }
}
