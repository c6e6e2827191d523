package dev.custflow.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The snapshot encoding: variable-length and zig-zag numbers, times against a base, strings, fixed longs. */
class SnapshotOutputTest {

    private static byte[] bytes(Consumer<SnapshotOutput> write) {
        SnapshotOutput o = new SnapshotOutput(0);
        write.accept(o);
        return o.toByteArray();
    }

    @Test
    void varLong_takesOneByteUpTo127_andTenForNegatives() {
        assertThat(bytes(o -> o.writeVarLong(0))).containsExactly(0);
        assertThat(bytes(o -> o.writeVarLong(127))).containsExactly(0x7F);
        assertThat(bytes(o -> o.writeVarLong(128))).containsExactly(0x80, 0x01);
        assertThat(bytes(o -> o.writeVarLong(300))).containsExactly(0xAC, 0x02);
        assertThat(bytes(o -> o.writeVarLong(-1))).hasSize(10);
        assertThat(bytes(o -> o.writeVarLong(Long.MAX_VALUE))).hasSize(9);
    }

    @Test
    void signedLong_isZigZag_soSmallMagnitudesAreShort() {
        assertThat(bytes(o -> o.writeSignedLong(0))).containsExactly(0);
        assertThat(bytes(o -> o.writeSignedLong(-1))).containsExactly(1);
        assertThat(bytes(o -> o.writeSignedLong(1))).containsExactly(2);
        assertThat(bytes(o -> o.writeSignedLong(-64))).containsExactly(127);
        assertThat(bytes(o -> o.writeSignedLong(Long.MIN_VALUE))).hasSize(10);
    }

    @Test
    void varInt_ofANegativeInt_isItsUnsigned32Bits() {
        assertThat(bytes(o -> o.writeVarInt(-1))).containsExactly(0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
    }

    @Test
    void writeLong_isFixedEightBytesBigEndian() {
        assertThat(bytes(o -> o.writeLong(0x0102030405060708L))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void strings_haveTheirUtf8LengthPlusOne_soNullIsOneZeroByte() {
        assertThat(bytes(o -> o.writeString(null))).containsExactly(0);
        assertThat(bytes(o -> o.writeString(""))).containsExactly(1);
        assertThat(bytes(o -> o.writeString("ab"))).containsExactly(3, 'a', 'b');
        assertThat(bytes(o -> o.writeString("华"))).containsExactly(4, 0xE5, 0x8D, 0x8E);
    }

    @Test
    void time_isRelativeToItsBase_neverAndNoneTakeOneByte() {
        long base = 1_700_000_000_000L;
        assertThat(bytes(o -> o.writeTime(Long.MIN_VALUE, base))).containsExactly(0);
        assertThat(bytes(o -> o.writeTime(Long.MAX_VALUE, base))).containsExactly(1);
        assertThat(bytes(o -> o.writeTime(base, base))).containsExactly(2);
        assertThat(bytes(o -> o.writeTime(base - 1, base))).containsExactly(3);
        assertThat(bytes(o -> o.writeTime(base + 60_000, base))).hasSize(3);
    }

    @Test
    void time_tooFarFromItsBaseToTellFromNeverOrNone_isRefused() {
        assertThatThrownBy(() -> bytes(o -> o.writeTime(Long.MAX_VALUE - 1, -1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time too far from its base");
        assertThatThrownBy(() -> bytes(o -> o.writeTime(Long.MIN_VALUE + 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesRawAndBooleans_areWrittenAsTheyAre() {
        SnapshotOutput inner = new SnapshotOutput(4);
        inner.writeByte(9);
        inner.writeBoolean(true);
        assertThat(bytes(o -> {
            o.writeBytes(new byte[] {7, 8});
            o.writeRaw(inner);
            o.writeBoolean(false);
        })).containsExactly(2, 7, 8, 9, 1, 0);
    }

    @Test
    void theBufferGrows_andSizeCountsWhatWasWritten() {
        SnapshotOutput o = new SnapshotOutput(16);
        for (int i = 0; i < 1_000; i++) {
            o.writeLong(i);
        }
        o.writeBytes(new byte[5_000]);
        assertThat(o.size()).isEqualTo(8_000 + 2 + 5_000);
        assertThat(o.toByteArray()).hasSize(o.size());
    }
}
