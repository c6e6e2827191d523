package dev.custflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.model.Channel;
import dev.custflow.model.InvalidContact;
import dev.custflow.model.Stage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reason templates: every key has an English and a Chinese template with the same arguments, the Chinese one
 * is Chinese, and the built-in rules write no reason as a bare English literal.
 */
class ReasonTemplatesTest {
    private static final ReasonTemplates EN = ReasonTemplates.of(Locale.ENGLISH);
    private static final ReasonTemplates ZH = ReasonTemplates.of(Locale.SIMPLIFIED_CHINESE);
    private static final Path PACKS = Path.of("src/main/resources/dev/custflow/rules");
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** A key a rule names literally: {@code reasons.say("churn.noOrder"} (also a prefix it completes, "x." + y). */
    private static final Pattern SAY = Pattern.compile("reasons\\.say\\(\\s*\"([^\"]+)\"");
    private static final Pattern SAY_FROM = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z_]+)+)\"");

    @Test
    void everyKey_hasAnEnglishAndAChineseTemplate() {
        assertThat(ZH.keys()).containsExactlyElementsOf(EN.keys());
        assertThat(EN.keys()).hasSizeGreaterThan(150);
    }

    @Test
    void bothTemplatesOfAKey_nameTheSameArguments() {
        for (String key : EN.keys()) {
            assertThat(arguments(ZH.pattern(key))).as(key + ": " + ZH.pattern(key))
                    .isEqualTo(arguments(EN.pattern(key)));
        }
    }

    @Test
    void chineseTemplates_areChinese_unlessTheyAreOnlyPunctuationOrCodes() {
        for (String key : ZH.keys()) {
            String p = ZH.pattern(key);
            String words = p.replaceAll("\\{[^}]*}", "").replaceAll("[\\p{Punct}\\s，。；：、（）“”×→0-9]", "")
                    .replaceAll("RFM|NPS|CSAT|MQL|F", "");
            if (!words.isEmpty()) {
                assertThat(CJK.matcher(p).find()).as(key + " = " + p).isTrue();
            }
        }
    }

    @Test
    void aStageOrAChannel_isWrittenWithItsChineseLabelInChinese_andItsNameInEnglish() {
        assertThat(ZH.say("lifecycle.captured", Channel.WECHAT)).isEqualTo("来自微信渠道的新线索");
        assertThat(EN.say("lifecycle.captured", Channel.WECHAT)).isEqualTo("captured from channel WECHAT");
        assertThat(ZH.say("reminders.followUp", Stage.PROSPECT, 4, 3)).startsWith("该" + Stage.PROSPECT.chinese());
    }

    @Test
    void amounts_keepTheirScale_andAnInvalidContact_isMasked() {
        assertThat(EN.say("lifecycle.firstOrder", new BigDecimal("1200.00"))).isEqualTo("placed a first order of 1200.00");
        String gap = ZH.say("lifecycle.gap.invalid.phone",
                new InvalidContact("phone", "13812345678x", "is not a valid phone number"), "is not a valid phone number");
        assertThat(gap).doesNotContain("13812345678").contains("手机号");
    }

    @Test
    void everyTemplate_writesNumbersAndTextsAsAPlainMessageFormatWould() {
        Object[] numbers = {1_234_567, -3, 0L, (short) 7, 12, 1, 2, 30, 45, 5};
        for (ReasonTemplates t : List.of(EN, ZH)) {
            for (String key : t.keys()) {
                MessageFormat plain = new MessageFormat(t.pattern(key), t.locale());
                java.text.Format[] formats = plain.getFormatsByArgumentIndex();
                Object[] texts = new Object[numbers.length];
                for (int i = 0; i < texts.length; i++) { // a text wherever the pattern takes one
                    texts[i] = i < formats.length && formats[i] != null ? numbers[i] : "text " + i;
                }
                assertThat(t.say(key, numbers)).as(key).isEqualTo(plain.format(numbers));
                assertThat(t.say(key, texts)).as(key).isEqualTo(plain.format(texts));
            }
        }
    }

    @Test
    void everyTemplate_writesEveryWholeNumber_missingArgumentAndNullAsAPlainMessageFormatWould() {
        long[] values = {0, 1, -1, 9, 10, 99, 100, 180, 365, 999, -999, 1_000, -1_000, 1_001, 12_345, 1_234_567,
                Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        for (ReasonTemplates t : List.of(EN, ZH)) {
            for (String key : t.keys()) {
                MessageFormat plain = new MessageFormat(t.pattern(key), t.locale());
                for (long v : values) {
                    Object[] ints = {(int) v, 30, 45, 5, 7, 11, 13};
                    Object[] longs = {v, (short) 3, v, 2L, -7, 0, 8};
                    assertThat(t.say(key, ints)).as(key + " " + v).isEqualTo(plain.format(ints));
                    assertThat(t.say(key, longs)).as(key + " " + v).isEqualTo(plain.format(longs));
                }
                for (int v = -1_100; v <= 1_100; v += 7) {
                    Object[] args = {v, v + 1, v * 3, v, v, v, v};
                    assertThat(t.say(key, args)).as(key + " " + v).isEqualTo(plain.format(args));
                }
                Object[] few = {180}; // a template that names more facts than given shows the rest as {n}
                assertThat(t.say(key, few)).as(key).isEqualTo(plain.format(few));
                assertThat(t.say(key)).as(key).isEqualTo(plain.format(new Object[0]));
                if (plain.getFormats().length > 0 && plain.getFormats()[0] == null) { // a missing fact is blank
                    assertThat(t.say(key, (Object) null)).as(key).isEqualTo(plain.format(new Object[] {""}));
                }
            }
        }
    }

    @Test
    void anUnknownKey_isRefused_namingTheNearestOne() {
        assertThatThrownBy(() -> EN.say("churn.noOrdr", 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'churn.noOrdr'").hasMessageContaining("did you mean 'churn.noOrder'?");
    }

    @Test
    void aLocaleOtherThanEnglishOrSimplifiedChinese_isRefused_namingTheSupportedOnes() {
        assertThat(Reasons.supported(Locale.forLanguageTag("zh-CN"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Reasons.supported(Locale.forLanguageTag("zh-Hans"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Reasons.supported(Locale.UK)).isEqualTo(Locale.ENGLISH);
        assertThatThrownBy(() -> Reasons.supported(Locale.forLanguageTag("zh-TW")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("en and zh-CN")
                .hasMessageContaining("'zh-TW'");
        assertThatThrownBy(() -> Reasons.of(Locale.FRANCE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyKeyTheBuiltInRulesAndTheEngineName_hasATemplate() throws IOException {
        Set<String> named = new TreeSet<>();
        for (Path f : sources()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Matcher m = SAY.matcher(text);
            while (m.find()) {
                named.add(m.group(1));
            }
            if (text.contains("reasons.say(")) { // keys chosen before the call: "lifecycle.contact.phone"
                Matcher k = SAY_FROM.matcher(text);
                while (k.find()) {
                    if (EN.keys().stream().anyMatch(x -> x.startsWith(k.group(1)))) {
                        named.add(k.group(1));
                    }
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(100);
        for (String key : named) {
            assertThat(EN.keys().stream().anyMatch(k -> k.equals(key) || k.startsWith(key)))
                    .as("the key " + key + " has a template").isTrue();
        }
    }

    @Test
    void theBuiltInRules_writeNoReasonAsAnEnglishLiteral() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PACKS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                boolean inThen = false;
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String code = line.replaceAll("//.*$", "").trim();
                    inThen = code.equals("then") || inThen && !code.equals("end");
                    Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(code);
                    while (inThen && m.find()) {
                        // a literal with a space is words for people; the one exception is a behaviour tally key
                        if (m.group(1).contains(" ") && !m.group(1).equals("minutes on site")) {
                            literals.add(f.getFileName() + ": " + code);
                        }
                    }
                }
            }
        }
        assertThat(literals).isEmpty();
    }

    private static List<Path> sources() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : List.of(PACKS, MAIN)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".drl") || p.toString().endsWith(".java")).forEach(out::add);
            }
        }
        return out;
    }

    /** @return the argument indices a pattern uses, with their format (number, choice) ignored */
    private static Set<Integer> arguments(String pattern) {
        Set<Integer> used = new TreeSet<>();
        MessageFormat f = new MessageFormat(pattern, Locale.ROOT);
        int n = f.getFormatsByArgumentIndex().length;
        for (int i = 0; i < n; i++) {
            if (pattern.contains("{" + i + "}") || pattern.contains("{" + i + ",")) {
                used.add(i);
            }
        }
        return used;
    }
}
