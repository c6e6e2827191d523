package dev.custflow.internal.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.internal.snapshot.Segments;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which contacts belong to which account: records listed under account keys, kept as a journal in segments. */
class AccountIndexTest {
    private static final String HEADER = "accounts";
    private static final String PREFIX = "accounts.";

    /** A store: every commit's parts put, its deletions removed. */
    private static void commit(AccountIndex index, Map<String, byte[]> store) {
        Map<String, byte[]> parts = new HashMap<>();
        Set<String> gone = new HashSet<>();
        index.writeParts(HEADER, PREFIX, parts, gone);
        gone.forEach(store::remove);
        store.putAll(parts);
    }

    private static AccountIndex restored(Map<String, byte[]> store) {
        AccountIndex index = new AccountIndex();
        index.restore(store, HEADER, PREFIX);
        return index;
    }

    @Test
    void link_listsContactsUnderTheirAccount_inTheOrderTheyJoined() {
        AccountIndex index = new AccountIndex();
        assertThat(index.link("L1", "华为")).isTrue();
        assertThat(index.link("L2", "华为")).isTrue();
        assertThat(index.link("L3", "中国银行")).isTrue();
        assertThat(index.link("L1", "华为")).as("already there").isFalse();
        assertThat(index.contacts("华为")).containsExactly("L1", "L2");
        assertThat(index.accountOf("L3")).isEqualTo("中国银行");
        assertThat(index.hasOthers("华为", "L1")).isTrue();
        assertThat(index.hasOthers("中国银行", "L3")).as("only itself").isFalse();
        assertThat(index.hasOthers("中国银行", "L9")).isTrue();
        assertThat(index.contacts("unknown")).isEmpty();
    }

    @Test
    void linkingElsewhere_movesTheContact_andUnlinkTakesItOff() {
        AccountIndex index = new AccountIndex();
        index.link("L1", "华为");
        index.link("L2", "华为");
        index.link("L1", "腾讯"); // a profile update gave L1 another company
        assertThat(index.contacts("华为")).containsExactly("L2");
        assertThat(index.contacts("腾讯")).containsExactly("L1");
        index.unlink("L2"); // merged away
        assertThat(index.contacts("华为")).isEmpty();
        assertThat(index.accountOf("L2")).isNull();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void erase_forgetsTheRecords() {
        AccountIndex index = new AccountIndex();
        index.link("L1", "华为");
        index.link("L2", "华为");
        index.erase(Set.of("L1", "L9"));
        assertThat(index.contacts("华为")).containsExactly("L2");
        assertThat(index.accountOf("L1")).isNull();
    }

    @Test
    void writePartsThenRestore_listsTheSameContacts_acrossCommitsWithMovesAndUnlinks() {
        AccountIndex index = new AccountIndex();
        Map<String, byte[]> store = new HashMap<>();
        for (int i = 0; i < Segments.SIZE + 10; i++) {
            index.link("L" + i, "a" + i % 7);
        }
        commit(index, store);
        assertThat(store).containsKeys(HEADER, PREFIX + 0, PREFIX + 1);
        index.link("L3", "b");
        index.unlink("L4");
        index.link("M1", "a1");
        Map<String, byte[]> second = new HashMap<>();
        index.writeParts(HEADER, PREFIX, second, new HashSet<>());
        assertThat(second).as("only the newest segment and the header").containsOnlyKeys(HEADER, PREFIX + 1);
        store.putAll(second);

        AccountIndex after = restored(store);
        for (String account : List.of("a0", "a1", "a3", "a4", "b")) {
            assertThat(after.contacts(account)).as(account).isEqualTo(index.contacts(account));
        }
        assertThat(after.accountOf("L4")).isNull();
        assertThat(after.size()).isEqualTo(index.size());
        after.link("M2", "b"); // the restored journal goes on where it stood
        commit(after, store);
        assertThat(restored(store).contacts("b")).containsExactly("L3", "M2");
    }

    @Test
    void anErasure_rewritesTheJournal_soNoStoredPartKeepsTheErasedId() {
        AccountIndex index = new AccountIndex();
        Map<String, byte[]> store = new HashMap<>();
        for (int i = 0; i < Segments.SIZE * 2; i++) {
            index.link("L" + i, "a" + i % 3);
        }
        commit(index, store);
        index.erase(Set.of("L7"));
        commit(index, store);
        String all = new String(store.values().stream().reduce(new byte[0], (a, b) -> {
            byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }), java.nio.charset.StandardCharsets.ISO_8859_1);
        // a string is its length + 1 and its bytes: \u0003 then "L7" is the id L7 itself, not L70 or L700
        assertThat(all).doesNotContain("\u0003L7").contains("\u0003L8");
        assertThat(restored(store).accountOf("L7")).isNull();
        assertThat(restored(store).size()).isEqualTo(Segments.SIZE * 2 - 1);
    }

    @Test
    void withoutItsHeader_theIndexStartsEmpty_andAMissingSegmentFails() {
        assertThat(restored(Map.of()).size()).isZero();
        AccountIndex index = new AccountIndex();
        Map<String, byte[]> store = new HashMap<>();
        for (int i = 0; i < Segments.SIZE + 1; i++) {
            index.link("L" + i, "a");
        }
        commit(index, store);
        store.remove(PREFIX + 0);
        assertThatThrownBy(() -> restored(store)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PREFIX);
    }
}
