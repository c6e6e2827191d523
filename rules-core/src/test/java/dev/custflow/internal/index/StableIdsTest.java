package dev.custflow.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stable action ids: the same cause gives the same id on any machine, in any run. */
class StableIdsTest {
    private static final String RULE = "lifecycle: first order makes a CUSTOMER";

    @Test
    void stableIds_sameCause_sameId_inEveryRun() {
        // pinned: hosts drop re-delivered actions by id, and stored action ids must match after an upgrade
        assertThat(StableIds.of(RULE, "STAGE_CHANGED", "C-1", "due@2024-03-01T00:00:00Z", 0))
                .isEqualTo("24f520ed-f8bf-3b4f-9101-0b853aa7a31d");
        assertThat(StableIds.of(RULE, "STAGE_CHANGED", "C-1", "due@2024-03-01T00:00:00Z", 0))
                .isEqualTo(StableIds.of(RULE, "STAGE_CHANGED", "C-1", "due@2024-03-01T00:00:00Z", 0));
    }

    @Test
    void stableIds_areWhatTheJdkNameBasedUuidGives() {
        java.util.Random random = new java.util.Random(3);
        for (int n = 0; n < 2_000; n++) {
            byte[] name = new byte[random.nextInt(200)];
            random.nextBytes(name);
            assertThat(StableIds.nameUuid(name)).isEqualTo(UUID.nameUUIDFromBytes(name));
        }
    }

    @Test
    void stableIds_areTheNameBasedUuidOfTheirPartsInUtf8_whateverTheirText() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        String[] alphabets = {"abcXYZ019 :@-_|.", "流失客户天未下单", "é\u0001\u007f\u0080ß", "😀a"};
        for (int n = 0; n < 3_000; n++) {
            String[] parts = new String[4];
            for (int p = 0; p < parts.length; p++) {
                String alphabet = alphabets[r.nextInt(10) < 8 ? 0 : r.nextInt(alphabets.length)];
                StringBuilder b = new StringBuilder();
                for (int k = r.nextInt(n % 100 == 0 ? 400 : 60); k > 0; k--) { // now and then beyond 512 bytes
                    b.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                parts[p] = b.toString();
            }
            int sequence = r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(5);
            String key = parts[0] + '\u0001' + parts[1] + '\u0001' + parts[2] + '\u0001' + parts[3] + '\u0001'
                    + sequence;
            assertThat(StableIds.of(parts[0], parts[1], parts[2], parts[3], sequence))
                    .isEqualTo(UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        }
    }

    @Test
    void stableIds_ofOneRuleAndTypeAfterAnother_areTheNameBasedUuidOfTheirParts() {
        // the digest of a rule's and type's bytes is kept from one id to the next: every length around the blocks
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        String[] rules = new String[12];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = i == 0 ? "流失: 90天未下单" : "r".repeat(40 + 9 * i) + i;
        }
        String[] types = {"STAGE_CHANGED", "T", "TAG_ADDED"};
        for (int n = 0; n < 5_000; n++) {
            String rule = rules[r.nextInt(rules.length)];
            if (r.nextInt(4) == 0) {
                rule = new String(rule); // the same text in another string
            }
            String type = types[r.nextInt(types.length)];
            String customerId = r.nextInt(20) == 0 ? "客户-" + n : "C-" + r.nextInt(1_000_000);
            String cause = "due@2024-03-0" + r.nextInt(10) + "T00:00:00Z"
                    + "e".repeat(r.nextInt(r.nextInt(10) == 0 ? 500 : 80));
            int sequence = r.nextInt(3);
            String key = rule + '\u0001' + type + '\u0001' + customerId + '\u0001' + cause + '\u0001' + sequence;
            assertThat(StableIds.of(rule, type, customerId, cause, sequence)).as(key).isEqualTo(
                    UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        }
    }

    @Test
    void stableIds_areNameBasedUuids_version3() {
        UUID id = UUID.fromString(StableIds.of(RULE, "STAGE_CHANGED", "C-1", "e1", 0));
        assertThat(id.version()).isEqualTo(3);
        assertThat(id.variant()).isEqualTo(2); // RFC 4122
    }

    @Test
    void stableIds_eachPartOfTheCause_changesTheId() {
        Set<String> ids = Set.of(
                StableIds.of(RULE, "STAGE_CHANGED", "C-1", "e1", 0),
                StableIds.of("other rule", "STAGE_CHANGED", "C-1", "e1", 0),
                StableIds.of(RULE, "TAG_ADDED", "C-1", "e1", 0),
                StableIds.of(RULE, "STAGE_CHANGED", "C-2", "e1", 0),
                StableIds.of(RULE, "STAGE_CHANGED", "C-1", "e2", 0),
                StableIds.of(RULE, "STAGE_CHANGED", "C-1", "e1", 1));
        assertThat(ids).hasSize(6);
    }

    @Test
    void stableIds_partsAreSeparated_soShiftingTextBetweenThemChangesTheId() {
        assertThat(StableIds.of("r", "T", "C-1", "e1", 0)).isNotEqualTo(StableIds.of("r", "T", "C-", "1e1", 0));
        assertThat(StableIds.of("r", "T", "C", "e1", 1)).isNotEqualTo(StableIds.of("r", "T", "C", "e", 11));
    }

    @Test
    void stableIds_nonAsciiText_isHashedAsUtf8() {
        assertThat(StableIds.of("流失: 90天未下单", "CHURN_WARNING", "客户-1", "e1", 0))
                .isNotEqualTo(StableIds.of("流失: 90天未下单", "CHURN_WARNING", "客户-2", "e1", 0))
                .isEqualTo(UUID.nameUUIDFromBytes(("流失: 90天未下单\u0001CHURN_WARNING\u0001客户-1\u0001e1\u00010")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }
}
