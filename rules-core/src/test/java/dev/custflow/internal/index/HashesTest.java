package dev.custflow.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hashes are stored in snapshots and order tied ranks: these values must never change. */
class HashesTest {
    @Test
    void fnv1a_ofNothing_isTheBasis_andOfText_isTheReferenceValue() {
        assertThat(Hashes.fnv1a("", Hashes.FNV_BASIS)).isEqualTo(Hashes.FNV_BASIS);
        // FNV-1a 64 of "a" (one byte 0x61, the same as its UTF-16 char)
        assertThat(Hashes.fnv1a("a", Hashes.FNV_BASIS)).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(Hashes.fnv1a("foobar", Hashes.FNV_BASIS)).isEqualTo(0x85944171f73967e8L);
    }

    @Test
    void mix_isMurmur3sFinaliser_andHalfMixItsFirstRound() {
        assertThat(Hashes.mix(0)).isZero();
        long h = 0x0123456789abcdefL;
        long half = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        half ^= half >>> 33;
        assertThat(Hashes.halfMix(h)).isEqualTo(half);
        long full = (half * 0xc4ceb9fe1a85ec53L);
        assertThat(Hashes.mix(h)).isEqualTo(full ^ (full >>> 33));
    }

    @Test
    void similarIds_spreadOverTheHighBits() {
        long a = Hashes.mix(Hashes.fnv1a("C-1000", Hashes.FNV_BASIS));
        long b = Hashes.mix(Hashes.fnv1a("C-1001", Hashes.FNV_BASIS));
        assertThat(Long.bitCount((a ^ b) >>> 32)).isGreaterThan(8);
    }
}
