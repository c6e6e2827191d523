package dev.custflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lead intake cleaning, docs/design/rules-catalog.md §2: real-world inputs and what the profile gets. */
class ContactDataTest {
    private static final ContactData INTAKE = ContactData.ofDefaults();

    // ---------------------------------------------------------------- text

    @ParameterizedTest(name = "text [{0}] is [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            王芳                         | 王芳
            "  王   芳  "               | 王 芳
            ＡＢＣ　Ｃｏｍｐａｎｙ       | ABC Company
            上海（浦东）                 | 上海(浦东)
            "Wang\u00A0Fang"            | Wang Fang
            "\u3000华东\u3000"           | 华东
            "zero\u200Bwidth"           | zerowidth
            "\uFEFFbom"                 | bom
            "soft\u00ADhyphen"          | softhyphen
            "tab\\tand\\nnew line"       | tab and new line
            "Cafe\u0301"                | Café
            ①号楼                        | 1号楼
            """)
    void text_isHalfWidthTrimmedAndCollapsed(String raw, String clean) {
        assertThat(INTAKE.text(unescape(raw))).isEqualTo(clean);
    }

    @ParameterizedTest(name = "[{0}] is missing")
    @ValueSource(strings = {"", " ", "\u3000", "\t\n", "Select", "select", "SELECT", "请选择", "N/A", "n/a", "NA",
            "none", "null", "NULL", "nil", "-", "--", "－", "无", "暂无", "未知", "unknown", " N/A ", "Ｎ／Ａ"})
    void text_emptyAndPlaceholders_areMissing(String raw) {
        assertThat(INTAKE.text(raw)).isNull();
        assertThat(INTAKE.isMissing(raw)).isTrue();
        assertThat(INTAKE.phone(raw)).isEqualTo(ContactData.Checked.MISSING);
        assertThat(INTAKE.email(raw)).isEqualTo(ContactData.Checked.MISSING);
        assertThat(INTAKE.companyKey(raw)).isNull();
    }

    @Test
    void text_null_isMissing_andCodesAreTidiedWithoutThePlaceholderTest() {
        assertThat(INTAKE.text(null)).isNull();
        assertThat(INTAKE.phone(null).isMissing()).isTrue();
        assertThat(ContactData.tidy(" ＷＥＣＨＡＴ ")).isEqualTo("WECHAT");
        assertThat(ContactData.tidy("NA")).isEqualTo("NA");
    }

    // ---------------------------------------------------------------- phone

    @ParameterizedTest(name = "phone [{0}] is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            13812345678              | +8613812345678
            138 1234 5678            | +8613812345678
            138-1234-5678            | +8613812345678
            138.1234.5678            | +8613812345678
            "  13812345678  "        | +8613812345678
            +86 138-1234-5678        | +8613812345678
            +86-13812345678          | +8613812345678
            +8613812345678           | +8613812345678
            0086 13812345678         | +8613812345678
            008613812345678          | +8613812345678
            86 138 1234 5678         | +8613812345678
            8613812345678            | +8613812345678
            (+86)138 1234 5678       | +8613812345678
            (+86) 138-1234-5678      | +8613812345678
            +86 (138) 1234 5678      | +8613812345678
            １３８１２３４５６７８      | +8613812345678
            ＋８６　１３８－１２３４－５６７８ | +8613812345678
            （＋８６）１３８ １２３４ ５６７８ | +8613812345678
            138–1234–5678            | +8613812345678
            19912345678              | +8619912345678
            16612345678              | +8616612345678
            021-12345678             | +86-21-12345678
            (021) 1234 5678          | +86-21-12345678
            021 6234 5678            | +86-21-62345678
            010 8888 6666            | +86-10-88886666
            0755-1234567             | +86-755-1234567
            0755 8888 6666           | +86-755-88886666
            +86 21 1234 5678         | +86-21-12345678
            +86 (0)21 1234 5678      | +86-21-12345678
            +86 021 12345678         | +86-21-12345678
            0086-10-88886666         | +86-10-88886666
            +86-21-12345678          | +86-21-12345678
            +86-755-1234567          | +86-755-1234567
            +1 415 555 0100          | +14155550100
            001 (415) 555-0100       | +14155550100
            +44 (0)20 7946 0958      | +442079460958
            +852 9123 4567           | +85291234567
            +49 30 12345678          | +493012345678
            """)
    void phone_realWorldInputs_haveOneCanonicalForm(String raw, String canonical) {
        ContactData.Checked c = INTAKE.phone(raw);
        assertThat(c.isValid()).as("%s: %s", raw, c.problem()).isTrue();
        assertThat(c.value()).isEqualTo(canonical);
        assertThat(INTAKE.phone(canonical).value()).as("the canonical form is kept").isEqualTo(canonical);
    }

    @ParameterizedTest(name = "phone [{0}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            12345                | is not a valid phone number (5 digits: a mobile number has 11, starting with 13 to 19)
            1381234567           | is not a valid phone number (10 digits: a mobile number has 11, starting with 13 to 19)
            138123456789         | is not a valid phone number (12 digits: a mobile number has 11, starting with 13 to 19)
            12012345678          | is not a valid phone number (a mobile number starts with 13 to 19)
            +86 12345            | is not a valid phone number (5 digits: a mobile number has 11, starting with 13 to 19)
            62345678             | is not a valid phone number (a landline number needs its area code, e.g. 021)
            2112345678           | is not a valid phone number (a mobile number has 11 digits starting with 13 to 19, a landline starts with its area code, e.g. 021)
            021-123456           | is not a valid phone number (after the area code 021 come 6 digits, a landline number has 7 or 8)
            0755-123456789       | is not a valid phone number (after the area code 0755 come 9 digits, a landline number has 7 or 8)
            021                  | is not a valid phone number (after the area code 021 come 0 digits, a landline number has 7 or 8)
            0                    | is not a valid phone number (it has too few digits)
            +86                  | is not a valid phone number (it has too few digits)
            +86 00 1234 5678     | is not a valid phone number (an area code does not start with 00)
            138-1234-567a        | is not a valid phone number (it contains 'a')
            138 1234 5678 ext 5  | is not a valid phone number (it contains 'e')
            tel:13812345678      | is not a valid phone number (it contains 't')
            手机13812345678       | is not a valid phone number (it contains '手')
            86+13812345678       | is not a valid phone number ('+' may only stand before the country code)
            ++8613812345678      | is not a valid phone number ('+' may only stand before the country code)
            ()                   | is not a valid phone number (it has no digits)
            +1 555               | is not a valid phone number (an international number has 8 to 15 digits with its country code, this one has 4)
            +49 1234567890123456 | is not a valid phone number (an international number has 8 to 15 digits with its country code, this one has 18)
            +0 123 4567 890      | is not a valid phone number (after the country code comes the number without its leading 0)
            """)
    void phone_invalid_saysWhy(String raw, String problem) {
        ContactData.Checked c = INTAKE.phone(raw);
        assertThat(c.isInvalid()).isTrue();
        assertThat(c.value()).isNull();
        assertThat(c.problem()).isEqualTo(problem);
    }

    @Test
    void phone_defaultCountryCode_appliesToNumbersWithoutOne() {
        ContactData germany = ContactData.of("+49", ContactData.DEFAULT_PLACEHOLDERS,
                ContactData.DEFAULT_LEGAL_SUFFIXES);
        assertThat(germany.defaultCountryCode()).isEqualTo("+49");
        assertThat(germany.phone("030 12345678").value()).isEqualTo("+493012345678");
        assertThat(germany.phone("0171 1234567").value()).isEqualTo("+491711234567");
        // a number with its country code is read as written: Chinese numbering for +86
        assertThat(germany.phone("+86 138-1234-5678").value()).isEqualTo("+8613812345678");
        assertThat(germany.phone("0086 21 1234 5678").value()).isEqualTo("+86-21-12345678");
        assertThat(germany.phone("12345").problem()).contains("8 to 15 digits");
    }

    @Test
    void phone_aPlaceholderNumber_matchesHoweverItIsWritten() {
        ContactData fakeNumbers = ContactData.of("+86", List.of("N/A", "13800138000"), List.of());
        assertThat(fakeNumbers.phone("+86 138-0013-8000").isMissing()).isTrue();
        assertThat(fakeNumbers.phone("138 0013 8000").isMissing()).isTrue();
        assertThat(fakeNumbers.phone("13800138001").value()).isEqualTo("+8613800138001");
        assertThat(fakeNumbers.phone("Select").isInvalid()).as("no longer a placeholder").isTrue();
    }

    @Test
    void countryCode_mustBePlusAndOneToThreeDigits() {
        assertThat(ContactData.isCountryCode("+86")).isTrue();
        assertThat(ContactData.isCountryCode("+1")).isTrue();
        assertThat(ContactData.isCountryCode("+852")).isTrue();
        assertThat(ContactData.isCountryCode("86")).isFalse();
        assertThat(ContactData.isCountryCode("+0")).isFalse();
        assertThat(ContactData.isCountryCode("+8612")).isFalse();
        assertThatThrownBy(() -> ContactData.of("0086", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0086)")
                .hasMessageContaining("+86 for China");
    }

    // ---------------------------------------------------------------- e-mail

    @ParameterizedTest(name = "e-mail [{0}] is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            wang.fang@example.com                | wang.fang@example.com
            Wang.Fang@Example.COM                | wang.fang@example.com
            ｗａｎｇ．ｆａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ | wang.fang@example.com
            "  wang@163.com  "                   | wang@163.com
            wang@example。com                     | wang@example.com
            wang+crm@example.com.cn              | wang+crm@example.com.cn
            wang_fang-01@mail.example.co.uk      | wang_fang-01@mail.example.co.uk
            12345678@qq.com                      | 12345678@qq.com
            o'brien@example.ie                   | o'brien@example.ie
            a.b-c@sub-domain.example.org         | a.b-c@sub-domain.example.org
            info@xn--55qx5d.xn--fiqs8s           | info@xn--55qx5d.xn--fiqs8s
            sales@company.technology             | sales@company.technology
            """)
    void email_realWorldAddresses_areLowerCased(String raw, String clean) {
        ContactData.Checked c = INTAKE.email(raw);
        assertThat(c.isValid()).as("%s: %s", raw, c.problem()).isTrue();
        assertThat(c.value()).isEqualTo(clean);
        assertThat(INTAKE.email(clean).value()).isEqualTo(clean);
    }

    @ParameterizedTest(name = "e-mail [{0}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            abc@                     | is not a valid e-mail address (nothing after the '@')
            a@b                      | is not a valid e-mail address (the domain 'b' has no dot)
            @example.com             | is not a valid e-mail address (nothing before the '@')
            wangexample.com          | is not a valid e-mail address (it has no '@')
            a@b@example.com          | is not a valid e-mail address (it has more than one '@')
            wang fang@example.com    | is not a valid e-mail address (it contains a space)
            wang@example .com        | is not a valid e-mail address (it contains a space)
            wang..fang@example.com   | is not a valid e-mail address (the part before the '@' has a dot at its start or end, or two in a row)
            .wang@example.com        | is not a valid e-mail address (the part before the '@' has a dot at its start or end, or two in a row)
            wang@example..com        | is not a valid e-mail address (the domain 'example..com' has a dot at its start or end, or two in a row)
            wang@example.com.        | is not a valid e-mail address (the domain 'example.com.' has a dot at its start or end, or two in a row)
            wang@-example.com        | is not a valid e-mail address (a part of the domain starts or ends with '-')
            wang@example.c           | is not a valid e-mail address (the domain ends in 'c', which is not a top-level domain)
            wang@10.0.0.1            | is not a valid e-mail address (the domain ends in '1', which is not a top-level domain)
            王芳@example.com          | is not a valid e-mail address (the part before the '@' contains '王')
            "wang,fang@example.com"  | is not a valid e-mail address (the part before the '@' contains ',')
            wang@例子.中国             | is not a valid e-mail address (the domain '例子.中国' is not plain ASCII: write an international domain in its xn-- form)
            wang@exam_ple.com        | is not a valid e-mail address (the domain contains '_')
            wang@[10.0.0.1]          | is not a valid e-mail address (the domain contains '[')
            """)
    void email_invalid_saysWhy(String raw, String problem) {
        ContactData.Checked c = INTAKE.email(raw);
        assertThat(c.isInvalid()).isTrue();
        assertThat(c.problem()).isEqualTo(problem);
    }

    @Test
    void email_tooLong_isInvalid() {
        assertThat(INTAKE.email("a".repeat(65) + "@example.com").problem())
                .contains("the part before the '@' is longer than 64 characters");
        assertThat(INTAKE.email("wang@" + "a".repeat(64) + ".com").problem())
                .contains("a part of the domain is longer than 63 characters");
        assertThat(INTAKE.email("wang@" + ("a".repeat(60) + ".").repeat(5) + "com").problem())
                .contains("longer than 254 characters");
    }

    // ---------------------------------------------------------------- company key

    @ParameterizedTest(name = "company [{0}] has key {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            上海精工机械有限公司               | 上海精工机械
            上海精工机械公司                   | 上海精工机械
            上海精工机械股份有限公司            | 上海精工机械
            上海精工机械有限责任公司            | 上海精工机械
            "上海精工机械（集团）有限公司"       | 上海精工机械
            " 上海 精工机械 有限公司 "          | 上海精工机械
            海尔集团有限公司                   | 海尔
            海尔集团                          | 海尔
            ACME Trading Co., Ltd.           | acmetrading
            Acme Trading Ltd                 | acmetrading
            ACME TRADING CO. LTD             | acmetrading
            ａｃｍｅ　ｔｒａｄｉｎｇ　ＬＴＤ      | acmetrading
            "A.C.M.E. Trading, Inc."         | acmetrading
            Acme Trading Limited             | acmetrading
            Siemens GmbH                     | siemens
            Bistro LLC                       | bistro
            Zinc Works Inc.                  | zincworks
            Zinc                             | zinc
            Costco                           | costco
            深圳ABC Co., Ltd.                 | 深圳abc
            Müller & Söhne GmbH              | müllersöhne
            """)
    void companyKey_ignoresCasePunctuationSpacesAndLegalSuffixes(String raw, String key) {
        assertThat(INTAKE.companyKey(raw)).isEqualTo(key);
        assertThat(INTAKE.companyKey(key)).as("a key is its own key").isEqualTo(key);
    }

    @ParameterizedTest(name = "company [{0}] has no key")
    @ValueSource(strings = {"有限公司", "Inc.", "Co., Ltd.", "集团有限公司", "...", "N/A", "  "})
    void companyKey_nothingButLegalFormsOrPunctuation_hasNone(String raw) {
        assertThat(INTAKE.companyKey(raw)).isNull();
    }

    @Test
    void companyKey_followsTheSuffixList() {
        ContactData noSuffixes = ContactData.of("+86", List.of(), List.of());
        assertThat(noSuffixes.companyKey("Acme Trading Co., Ltd.")).isEqualTo("acmetradingcoltd");
        ContactData partnerships = ContactData.of("+86", List.of(), List.of("有限合伙", "L.P."));
        assertThat(partnerships.companyKey("红杉资本（有限合伙）")).isEqualTo("红杉资本");
        assertThat(partnerships.companyKey("Sequoia Capital, L.P.")).isEqualTo("sequoiacapital");
        assertThat(partnerships.companyKey("Help")).as("'lp' only as a word").isEqualTo("help");
    }

    // ---------------------------------------------------------------- the record kept of an invalid value

    @Test
    void invalidContact_describesFieldMaskedValueAndProblem() {
        assertThat(new InvalidContact("phone", "12345", "is not a valid phone number (x)").describe())
                .isEqualTo("phone '****45' is not a valid phone number (x)");
        assertThat(new InvalidContact("phone", "138-0013-800", "is not a valid phone number (x)").describe())
                .isEqualTo("phone '****00' is not a valid phone number (x)");
        assertThat(new InvalidContact("email", "abc@", "is not a valid e-mail address (y)").describe())
                .isEqualTo("e-mail 'a***@' is not a valid e-mail address (y)");
        assertThat(new InvalidContact("email", "x".repeat(100), "is bad").describe())
                .isEqualTo("e-mail 'x***' is bad");
    }

    @Test
    void invalidContact_andCheckedValues_printMasked() {
        assertThat(new InvalidContact("phone", "13800138002 ext", "is not a valid phone number (x)"))
                .hasToString("InvalidContact[field=phone, value=138****8002, problem=is not a valid phone number (x)]");
        assertThat(ContactData.ofDefaults().email("Wang.Fang@Example.com"))
                .hasToString("Checked[value=w***@example.com, problem=null]");
    }

    @Test
    void checked_isEitherValidInvalidOrMissing() {
        assertThat(new ContactData.Checked("a", null).isValid()).isTrue();
        assertThat(new ContactData.Checked(null, "bad").isInvalid()).isTrue();
        assertThat(ContactData.Checked.MISSING.isMissing()).isTrue();
        assertThatThrownBy(() -> new ContactData.Checked("a", "bad")).isInstanceOf(IllegalArgumentException.class);
    }

    /** CSV text cannot hold control characters: the table writes them as Java escapes. */
    private static String unescape(String s) {
        return s.translateEscapes();
    }
}
