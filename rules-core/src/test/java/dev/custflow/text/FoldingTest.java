package dev.custflow.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names are compared folded and cut into words, the same way for company, account and person keys. */
class FoldingTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ＨＵＡＷＥＩ         | huawei",
            "Acme Co.,Ltd.      | acme co.,ltd.",
            "华为技术有限公司     | 华为技术有限公司",
            "Ⅻ                  | xii"})
    void fold_lowersCase_andTakesFullWidthAndCompatibilityFormsAsPlainLetters(String in, String folded) {
        assertThat(Folding.fold(in)).isEqualTo(folded);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  Acme, Co.,Ltd. '   | Acme Co Ltd",
            "'华为（深圳）技术'       | 华为 深圳 技术",
            "'---'                 | ''"})
    void words_keepsLettersAndDigits_andMakesEveryOtherRunOneSpace(String in, String words) {
        assertThat(Folding.words(in)).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "coltd     | acme co ltd   | 5",
            "inc       | zinc          | -1",
            "inc       | acme inc      | 5",
            "有限公司   | 华为技术有限公司 | 4",
            "有限公司   | 有限           | -1"})
    void startOfEnding_findsAWordAtTheEnd_spacesIgnored_andLatinOnlyAsAWholeWord(String word, String name, int at) {
        assertThat(Folding.startOfEnding(word, name)).isEqualTo(at);
    }
}
