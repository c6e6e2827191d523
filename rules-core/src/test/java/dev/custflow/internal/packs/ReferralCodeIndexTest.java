package dev.custflow.internal.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralCodeIndexTest {

    @Test
    void issue_aCodeNamesItsCustomer_ignoringCaseAndSpaces() {
        ReferralCodeIndex index = new ReferralCodeIndex();
        index.issue("VIP-7K3QXM", "C1");
        assertThat(index.referrer("VIP-7K3QXM")).isEqualTo("C1");
        assertThat(index.referrer("  vip-7k3qxm ")).isEqualTo("C1");
        assertThat(index.referrer("VIP-7K3QXN")).isNull();
    }

    @Test
    void issue_again_toAnotherCustomer_movesTheCode() {
        ReferralCodeIndex index = new ReferralCodeIndex();
        index.issue("VIP-7K3QXM", "C1");
        index.issue("vip-7k3qxm", "C2");
        assertThat(index.referrer("VIP-7K3QXM")).isEqualTo("C2");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void suggestion_aNearMissNamesTheIssuedCode_aStrangerNothing() {
        ReferralCodeIndex index = new ReferralCodeIndex();
        index.issue("VIP-7K3QXM", "C1");
        index.issue("VIP-P2W9HD", "C2");
        assertThat(index.suggestion("VIP-7K3QXN")).isEqualTo("VIP-7K3QXM");
        assertThat(index.suggestion("vip-p2w9h")).isEqualTo("VIP-P2W9HD");
        assertThat(index.suggestion("REF-cust-00807")).isNull();
        assertThat(new ReferralCodeIndex().suggestion("VIP-7K3QXM")).isNull();
    }

    @Test
    void erase_forgetsTheCodesOfThoseCustomers() {
        ReferralCodeIndex index = new ReferralCodeIndex();
        index.issue("A", "C1");
        index.issue("B", "C2");
        index.erase(List.of("C1"));
        assertThat(index.referrer("A")).isNull();
        assertThat(index.referrer("B")).isEqualTo("C2");
    }

    @Test
    void changed_writesTheWholeIndexOncePerChange_andReadRestoresIt() {
        ReferralCodeIndex index = new ReferralCodeIndex();
        assertThat(index.changed()).isNull();
        index.issue("VIP-7K3QXM", "C1");
        index.issue("VIP-P2W9HD", "C2");
        byte[] part = index.changed();
        assertThat(part).isNotNull();
        assertThat(index.changed()).isNull();
        index.issue("VIP-7K3QXM", "C1"); // the same again: nothing new to write
        assertThat(index.changed()).isNull();

        ReferralCodeIndex restored = new ReferralCodeIndex();
        restored.read(part);
        assertThat(restored.referrer("vip-7k3qxm")).isEqualTo("C1");
        assertThat(restored.referrer("VIP-P2W9HD")).isEqualTo("C2");
        assertThat(restored.suggestion("VIP-P2W9HE")).isEqualTo("VIP-P2W9HD");
        assertThat(restored.changed()).isNull();
    }

    @Test
    void read_refusesAnUnknownFormat() {
        assertThatThrownBy(() -> new ReferralCodeIndex().read(new byte[] {9, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 9");
    }
}
