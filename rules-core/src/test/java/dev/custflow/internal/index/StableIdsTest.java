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
