package dev.custflow.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void add_createsACellAtZeroOnce_andKeepsSlotsApart() {
        Cells cells = new Cells(3);

        assertThat(cells.add(42L, 1, 5)).isTrue();
        assertThat(cells.add(42L, 1, -2)).isFalse();
        assertThat(cells.add(42L, 2, 7)).isFalse();

        assertThat(cells.get(42L, 1)).isEqualTo(3);
        assertThat(cells.get(42L, 2)).isEqualTo(7);
        assertThat(cells.get(42L, 0)).isZero();
        assertThat(cells.get(43L, 1)).isZero();
        assertThat(cells.has(43L)).isFalse();
    }

    @Test
    void read_copiesARow_orSaysThereIsNone() {
        Cells cells = new Cells(2);
        cells.add(1L, 0, 4);
        cells.add(1L, 1, 9);
        long[] row = {-1, -1};

        assertThat(cells.read(2L, row)).isFalse();
        assertThat(row).containsExactly(-1, -1);
        assertThat(cells.read(1L, row)).isTrue();
        assertThat(row).containsExactly(4, 9);
    }

    @Test
    void manyCells_spillOverPagesWithoutMixingUp() {
        Cells cells = new Cells(2);
        for (long k = 0; k < 5_000; k++) {
            cells.add(k * 7919, (int) (k % 2), k);
        }

        assertThat(cells.size()).isEqualTo(5_000);
        assertThat(cells.get(4_999L * 7919, 1)).isEqualTo(4_999);
        assertThat(cells.get(4_998L * 7919, 0)).isEqualTo(4_998);
        assertThat(cells.get(4_998L * 7919, 1)).isZero();
    }
}
