package dev.custflow.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundsTest {
    @Test
    void aValueInRange_isReturned_edgesIncluded() {
        assertThat(Bounds.atLeast("batchSize", 1, 1)).isEqualTo(1);
        assertThat(Bounds.between("partitions", 1, 1, 256)).isEqualTo(1);
        assertThat(Bounds.between("partitions", 256, 1, 256)).isEqualTo(256);
    }

    @Test
    void aValueOutOfRange_isRefused_namingTheArgumentTheRangeAndTheValue() {
        assertThatThrownBy(() -> Bounds.atLeast("batchSize", 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be at least 1, got 0");
        assertThatThrownBy(() -> Bounds.between("customers", 20_000_000, 1, 10_000_000))
                .hasMessage("customers must be between 1 and 10,000,000, got 20,000,000");
    }
}
