package dev.custflow.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Reading the snapshot encoding back: every value round-trips; truncated or malformed input is refused. */
class SnapshotInputTest {

    private static SnapshotInput written(Consumer<SnapshotOutput> write) {
        SnapshotOutput o = new SnapshotOutput(8);
        write.accept(o);
        return new SnapshotInput(o.toByteArray());
    }

    @Test
    void numbers_roundTrip_atTheirEdges() {
        long[] values = {0, 1, -1, 63, -64, 127, 128, 300, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
                Long.MIN_VALUE};
        SnapshotInput in = written(o -> {
            for (long v : values) {
                o.writeVarLong(v);
                o.writeSignedLong(v);
                o.writeLong(v);
                o.writeVarInt((int) v);
                o.writeSignedInt((int) v);
            }
        });
        for (long v : values) {
            assertThat(in.readVarLong()).isEqualTo(v);
            assertThat(in.readSignedLong()).isEqualTo(v);
            assertThat(in.readLong()).isEqualTo(v);
            assertThat(in.readVarInt()).isEqualTo((int) v);
            assertThat(in.readSignedInt()).isEqualTo((int) v);
        }
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    void times_roundTrip_onBothSidesOfTheBase_withNeverAndNone() {
        long base = 1_700_000_000_000L;
        long[] times = {Long.MIN_VALUE, Long.MAX_VALUE, base, base - 1, base + 1, 0, base * 2, -base};
        SnapshotInput in = written(o -> {
            for (long t : times) {
                o.writeTime(t, base);
            }
        });
        for (long t : times) {
            assertThat(in.readTime(base)).isEqualTo(t);
        }
    }

    @Test
    void strings_roundTrip_nullAndEmptyKeptApart() {
        String[] values = {null, "", "a", "王芳 Wang", "🙂 emoji", "x".repeat(300)};
        SnapshotInput in = written(o -> {
            for (String s : values) {
                o.writeString(s);
            }
        });
        for (String s : values) {
            assertThat(in.readString()).isEqualTo(s);
        }
    }

    @Test
    void readInterned_givesTheCanonicalInstance() {
        String region = new String("华东");
        SnapshotInput in = written(o -> {
            o.writeString(region);
            o.writeString(null);
        });
        assertThat(in.readInterned()).isSameAs("华东");
        assertThat(in.readInterned()).isNull();
    }

    @Test
    void bytesAndBooleans_roundTrip() {
        SnapshotInput in = written(o -> {
            o.writeBytes(new byte[] {1, 2, 3});
            o.writeBoolean(true);
            o.writeBoolean(false);
            o.writeByte(255);
        });
        assertThat(in.readBytes()).containsExactly(1, 2, 3);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readBoolean()).isFalse();
        assertThat(in.atEnd()).isFalse();
        assertThat(in.readByte()).isEqualTo(255);
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    void truncatedInput_isRefused_namingWhere() {
        assertThatThrownBy(() -> new SnapshotInput(new byte[0]).readByte())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("snapshot truncated at byte 0 of 0");
        assertThatThrownBy(() -> new SnapshotInput(new byte[] {1, 2, 3}).readLong())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> written(o -> o.writeVarInt(10)).readString()) // says 9 bytes follow: none do
                .isInstanceOf(IllegalArgumentException.class).hasMessage("snapshot truncated at byte 1 of 1");
        assertThatThrownBy(() -> written(o -> o.writeVarInt(4)).readBytes())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SnapshotInput(new byte[] {(byte) 0x80}).readVarLong())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    }

    @Test
    void aNumberOfMoreThanTenBytes_isMalformed() {
        byte[] endless = new byte[11];
        java.util.Arrays.fill(endless, (byte) 0x80);
        assertThatThrownBy(() -> new SnapshotInput(endless).readVarLong())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed number");
    }

    @Test
    void aNegativeLength_isRefused() {
        assertThatThrownBy(() -> written(o -> o.writeVarInt(-1)).readBytes())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
