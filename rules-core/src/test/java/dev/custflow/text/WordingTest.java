package dev.custflow.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.testdata.Bundles;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WordingTest {
    @Test
    void aLocale_isReadAsUsersWriteIt_anyRegionOfChineseIsSimplifiedChinese() {
        assertThat(Wording.locale("zh-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Wording.locale("zh_cn")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Wording.locale("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Wording.locale("EN")).isEqualTo(Locale.ENGLISH);
        assertThat(Wording.locale("en-US")).isEqualTo(Locale.ENGLISH);
        assertThat(Wording.tag(Locale.CHINA)).isEqualTo("zh-CN");
    }

    @Test
    void anUnknownLocale_isRefused_listingTheOnesThereAre() {
        assertThatThrownBy(() -> Wording.locale("fr")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown locale 'fr': choose zh-CN (简体中文) or en (English)");
        assertThatThrownBy(() -> Wording.of(WordingTest.class, "sample", Locale.GERMAN))
                .hasMessageContaining("zh-CN");
    }

    @Test
    void aTemplate_isFilledTheSameWayInBothLanguages_numbersAsInEnglish() {
        assertThat(Wording.of(WordingTest.class, "sample", Locale.ENGLISH).text("greeting", 3, 12_000))
                .isEqualTo("3 rules checked, 12,000 problems");
        assertThat(Wording.of(WordingTest.class, "sample", Locale.SIMPLIFIED_CHINESE).text("greeting", 3, 12_000))
                .isEqualTo("已检查 3 条规则，12,000 个问题");
    }

    @Test
    void english_isTheDefault_whateverTheMachinesLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(Wording.of(WordingTest.class, "sample", Locale.ENGLISH).text("greeting", 1, 1))
                    .isEqualTo("1 rules checked, 1 problems");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void arguments_areReadInOrder_orByPositionWhereALanguageReordersThem() {
        assertThat(Wording.arguments("%s of %,d (%5.1f%%)")).containsExactly("1:s", "2:d", "3:f");
        assertThat(Wording.arguments("%2$s 的 %1$s")).containsExactly("1:s", "2:s");
        Bundles.assertChineseMatchesEnglish("dev/custflow/text/sample.properties");
    }
}
