package dev.custflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every KPI, dimension and granularity reads in Chinese and in English (the report shows both). */
class LabelsTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");

    @Test
    void everyKpi_hasANameAndADefinitionInBothLanguages() {
        for (Kpi kpi : Kpi.values()) {
            assertThat(kpi.label(Locale.ENGLISH)).as(kpi.name()).doesNotStartWith("kpi.");
            assertThat(kpi.definition(Locale.ENGLISH)).as(kpi.name()).doesNotStartWith("kpi.");
            assertThat(kpi.label(ZH)).as(kpi.name()).doesNotStartWith("kpi.").isNotEqualTo(kpi.label(Locale.ENGLISH));
            assertThat(kpi.definition(ZH)).as(kpi.name()).doesNotStartWith("kpi.")
                    .isNotEqualTo(kpi.definition(Locale.ENGLISH));
        }
        assertThat(Kpi.MQL_RATE.key()).isEqualTo("mql_rate");
    }

    @Test
    void everyDimensionAndGranularity_hasANameInBothLanguages() {
        for (Dimension d : Dimension.values()) {
            assertThat(d.label(ZH)).doesNotStartWith("dimension.").isNotEqualTo(d.label(Locale.ENGLISH));
        }
        for (Granularity g : Granularity.values()) {
            assertThat(g.label(ZH)).doesNotStartWith("granularity.").isNotEqualTo(g.label(Locale.ENGLISH));
        }
        assertThat(Dimension.shown(Dimension.NONE, ZH)).isEqualTo("（无）");
        assertThat(Dimension.shown("WECHAT", Locale.ENGLISH)).isEqualTo("WECHAT");
        assertThat(Granularity.MONTH.label(Locale.GERMAN)).as("other languages read English").isEqualTo("Month");
    }
}
