package dev.custflow.internal.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.event.ProfileFields;
import dev.custflow.internal.snapshot.Segments;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.StoredSegments;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.ContactData;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who is who among leads: normalised keys to the record that has them, and merged ids to their survivor. */
class DuplicateIndexTest {
    private static final List<String> ALL = List.of("PHONE", "EMAIL", "NAME_COMPANY");
    private static final String PREFIX = "dedup.";

    private static DuplicateIndex index(List<String> matchOn) {
        return new DuplicateIndex(ContactData.ofDefaults(), matchOn);
    }

    private static ProfileFields profile(String phone, String email, String company) {
        return person(null, phone, email, company);
    }

    private static ProfileFields person(String name, String phone, String email, String company) {
        return new ProfileFields(name, company, phone, email, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    private static List<String> kinds(List<DuplicateIndex.Key> keys) {
        return keys.stream().map(DuplicateIndex.Key::kind).toList();
    }

    @Test
    void keys_areTheNormalisedValidContactData() {
        DuplicateIndex index = index(ALL);
        List<DuplicateIndex.Key> keys = index.keys(person("Wang Fang", "138 0013 8000", " Wang.Fang@Example.COM ",
                "ＡＣＭＥ Trading Co., Ltd."));
        assertThat(keys).extracting(DuplicateIndex.Key::kind, DuplicateIndex.Key::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PHONE", "+8613800138000"),
                org.assertj.core.groups.Tuple.tuple("EMAIL", "wang.fang@example.com"),
                org.assertj.core.groups.Tuple.tuple("NAME_COMPANY", "acmetrading"));
    }

    @Test
    void aCompanyAlone_isNoKey_theSameNameAtTheSameAccountIs() {
        DuplicateIndex index = index(ALL);
        assertThat(index.keys(profile(null, null, "华为技术有限公司"))).as("a company alone").isEmpty();
        assertThat(index.keys(person("王伟", null, null, "华为技术有限公司")))
                .isEqualTo(index.keys(person("王 伟", null, null, "深圳市华为技术有限公司")))
                .isNotEqualTo(index.keys(person("李娜", null, null, "华为")));
        assertThat(index(List.of("PHONE", "EMAIL", "COMPANY")).keys(person("王伟", null, null, "华为")))
                .as("COMPANY of older settings is name + company").extracting(DuplicateIndex.Key::kind)
                .containsExactly("NAME_COMPANY");
    }

    @Test
    void keys_leaveOutInvalidOrMissingValues_andKindsNotMatchedOn() {
        assertThat(index(ALL).keys(profile("12345", "not an address", "N/A"))).isEmpty();
        assertThat(index(ALL).keys(profile(null, null, null))).isEmpty();
        assertThat(kinds(index(List.of("EMAIL")).keys(profile("13800138000", "a@b.com", "ACME")))).containsExactly("EMAIL");
    }

    @Test
    void keys_ofTheSameValueWrittenDifferently_areEqual() {
        DuplicateIndex index = index(ALL);
        assertThat(index.keys(person("Li Wei", "+86 138-0013-8000", null, "Acme Trading 有限公司")))
                .isEqualTo(index.keys(person("LI WEI", "13800138000", null, "ACME TRADING")));
    }

    @Test
    void matches_findOtherRecordsWithAKey_eachWithTheKeysItShares() {
        DuplicateIndex index = index(ALL);
        index.claim("L1", index.keys(profile("13800138000", "a@b.com", null)));
        index.claim("L2", index.keys(person("Li Wei", null, null, "ACME")));
        index.claim("L4", index.keys(person("Zhang San", null, null, "ACME")));
        List<DuplicateIndex.Key> keys = index.keys(person("Li Wei", "13800138000", "a@b.com", "ACME"));
        Map<String, List<DuplicateIndex.Key>> found = index.matches("L3", keys);
        assertThat(found).as("not L4: a colleague at the same company").containsOnlyKeys("L1", "L2");
        assertThat(kinds(found.get("L1"))).containsExactly("PHONE", "EMAIL");
        assertThat(kinds(found.get("L2"))).containsExactly("NAME_COMPANY");
        assertThat(index.matches("L1", index.keys(profile("13800138000", null, null)))).isEmpty(); // not itself
    }

    @Test
    void claim_givesOnlyKeysNobodyHasYet() {
        DuplicateIndex index = index(ALL);
        List<DuplicateIndex.Key> keys = index.keys(profile("13800138000", null, null));
        index.claim("L1", keys);
        index.claim("L2", keys);
        assertThat(index.matches("L3", keys)).containsOnlyKeys("L1");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void merge_makesTheMergedIdAndItsKeysLeadToTheSurvivor_throughChains() {
        DuplicateIndex index = index(ALL);
        List<DuplicateIndex.Key> phone = index.keys(profile("13800138000", null, null));
        index.claim("L3", phone);
        index.merge("L3", "L2");
        index.merge("L2", "L1");
        index.merge("L1", "L1"); // into itself: nothing
        assertThat(index.resolve("L3")).isEqualTo("L1");
        assertThat(index.resolve("L3")).isEqualTo("L1"); // after path halving, the same
        assertThat(index.resolve("L1")).isEqualTo("L1");
        assertThat(index.resolve("unknown")).isEqualTo("unknown");
        assertThat(index.resolve(null)).isNull();
        assertThat(index.matches("L9", phone)).containsOnlyKeys("L1");
        assertThat(index.matches("L1", phone)).isEmpty();
    }

    private static StoredSegments commit(DuplicateIndex index) {
        return StoredSegments.commit(index, PREFIX);
    }

    private static DuplicateIndex restored(byte[] header, Map<String, byte[]> parts) {
        DuplicateIndex index = index(ALL);
        index.restore(new SnapshotInput(header), parts, PREFIX);
        return index;
    }

    private static List<DuplicateIndex.Key> phoneOf(DuplicateIndex index, int i) {
        return index.keys(profile(String.valueOf(13_800_000_000L + i), null, null));
    }

    @Test
    void writePartsThenRestore_knowsTheSameKeysAndMerges() {
        DuplicateIndex before = index(ALL);
        for (int i = 0; i < 700; i++) {
            before.claim("L" + i, phoneOf(before, i));
        }
        before.merge("L1", "L0");
        StoredSegments c = commit(before);
        assertThat(c.parts()).containsOnlyKeys(PREFIX + 0, PREFIX + 1);

        DuplicateIndex after = restored(c.header(), c.parts());
        assertThat(after.size()).isEqualTo(700);
        assertThat(after.resolve("L1")).isEqualTo("L0");
        assertThat(after.matches("new", phoneOf(after, 1))).containsOnlyKeys("L0");
        assertThat(after.matches("new", phoneOf(after, 699))).containsOnlyKeys("L699");
    }

    @Test
    void writeParts_afterTheFirst_writesOnlyTheSegmentsWrittenTo_andNeverDeletes() {
        DuplicateIndex index = index(ALL);
        for (int i = 0; i < Segments.SIZE + 10; i++) {
            index.claim("L" + i, phoneOf(index, i));
        }
        Map<String, byte[]> store = new HashMap<>(commit(index).parts());
        assertThat(commit(index).parts()).isEmpty();

        index.claim("L-new", phoneOf(index, 99_999));
        index.merge("L5", "L4");
        StoredSegments second = commit(index);
        assertThat(second.parts()).containsOnlyKeys(PREFIX + 1); // the journal's unfinished segment
        assertThat(second.gone()).isEmpty();
        store.putAll(second.parts());

        DuplicateIndex after = restored(second.header(), store);
        assertThat(after.resolve("L5")).isEqualTo("L4");
        assertThat(after.matches("x", phoneOf(after, 99_999))).containsOnlyKeys("L-new");
        // and it goes on journaling where the original stands
        after.claim("L-later", phoneOf(after, 88_888));
        index.claim("L-later", phoneOf(index, 88_888));
        assertThat(commit(after).parts().get(PREFIX + 1)).isEqualTo(commit(index).parts().get(PREFIX + 1));
    }

    @Test
    void erase_forgetsEveryKeyOfTheRecordAndOfTheIdsMergedIntoIt_andTheirMerges() {
        DuplicateIndex index = index(ALL);
        index.claim("L1", index.keys(profile("13800138000", "li@example.com", null)));
        index.claim("L2", index.keys(profile("13900139000", null, null)));
        index.merge("L2", "L1");
        index.merge("L3", "L2");
        index.claim("L9", index.keys(profile("13700137000", null, null)));

        assertThat(index.aliases("L1")).containsExactlyInAnyOrder("L2", "L3");
        index.erase(Set.of("L1", "L2", "L3"));

        assertThat(index.matches("new", index.keys(profile("13800138000", "li@example.com", null)))).isEmpty();
        assertThat(index.matches("new", index.keys(profile("13900139000", null, null)))).isEmpty();
        assertThat(index.resolve("L3")).as("no longer an alias").isEqualTo("L3");
        assertThat(index.matches("new", index.keys(profile("13700137000", null, null)))).containsOnlyKeys("L9");
    }

    @Test
    void afterAnErasure_theNextCommitWritesTheJournalAnew_andDeletesWhatItNoLongerNeeds() {
        DuplicateIndex index = index(ALL);
        for (int i = 0; i < 2 * Segments.SIZE; i++) {
            index.claim("L" + i, phoneOf(index, i));
        }
        index.merge("L1", "L0");
        Map<String, byte[]> store = new HashMap<>(commit(index).parts());
        assertThat(store).containsOnlyKeys(PREFIX + 0, PREFIX + 1, PREFIX + 2);

        Set<String> erased = new HashSet<>(index.aliases("L0"));
        erased.add("L0");
        for (int i = 2; i < Segments.SIZE + 10; i++) {
            erased.add("L" + i);
        }
        index.erase(erased);
        StoredSegments rewritten = commit(index);
        assertThat(rewritten.parts()).containsOnlyKeys(PREFIX + 0);
        assertThat(rewritten.gone()).containsExactlyInAnyOrder(PREFIX + 1, PREFIX + 2);
        rewritten.gone().forEach(store::remove);
        store.putAll(rewritten.parts());

        DuplicateIndex after = restored(rewritten.header(), store);
        assertThat(after.size()).isEqualTo(2 * Segments.SIZE - (Segments.SIZE + 10));
        assertThat(after.matches("x", phoneOf(after, 0))).isEmpty();
        assertThat(after.matches("x", phoneOf(after, 5))).isEmpty();
        assertThat(after.resolve("L1")).isEqualTo("L1");
        assertThat(after.matches("x", phoneOf(after, 2 * Segments.SIZE - 1))).containsOnlyKeys("L"
                + (2 * Segments.SIZE - 1));
        assertThat(commit(index).parts()).as("then only what changes again").isEmpty();
    }

    @Test
    void restoreWithAMissingSegment_fails() {
        DuplicateIndex index = index(ALL);
        for (int i = 0; i < Segments.SIZE + 10; i++) {
            index.claim("L" + i, phoneOf(index, i));
        }
        StoredSegments c = commit(index);
        c.parts().remove(PREFIX + 0);
        assertThatThrownBy(() -> restored(c.header(), c.parts())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("miss entry 0");
    }

    @Test
    void read_engineStateVersion2_keysByHashThenMerges() {
        DuplicateIndex writer = index(ALL);
        DuplicateIndex.Key key = phoneOf(writer, 1).get(0);
        SnapshotOutput v2 = new SnapshotOutput(64);
        v2.writeVarInt(1);
        v2.writeLong(key.hash());
        v2.writeString("L1");
        v2.writeVarInt(1);
        v2.writeString("L2");
        v2.writeString("L1");

        DuplicateIndex index = index(ALL);
        index.read(new SnapshotInput(v2.toByteArray()));
        assertThat(index.matches("x", List.of(key))).containsOnlyKeys("L1");
        assertThat(index.resolve("L2")).isEqualTo("L1");
    }

    @Test
    void hash_isStableAcrossRuns() {
        // pinned: stored indexes are looked up with it after a restart or an upgrade
        assertThat(DuplicateIndex.hash("P:+8613800138000")).isEqualTo(7301095569894386298L)
                .isNotEqualTo(DuplicateIndex.hash("E:+8613800138000"));
        assertThat(phoneOf(index(ALL), 0).get(0).hash()).isEqualTo(DuplicateIndex.hash("P:+8613800000000"));
    }
}
