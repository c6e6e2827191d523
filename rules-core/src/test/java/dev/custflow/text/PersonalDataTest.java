package dev.custflow.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How personal data is masked wherever the library writes for people (docs/personal-data.md). */
class PersonalDataTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // the first 3 and last 4 digits, without China's country code
            "+8613800138002, 138****8002", "13800138002, 138****8002", "0086 138-0013-8002, 138****8002",
            "+44 20 7946 0958, 442****0958", "+86-21-12345678, 021****5678",
            // a short number keeps only its last 2 digits, a very short one nothing
            "12345, ****45", "1234, ****", "N/A, ****"})
    void aPhoneNumber_isMasked(String phone, String masked) {
        assertThat(PersonalData.phone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"zhang.wei@example.com, z***@example.com", "abc@, a***@", "@example.com, ***@example.com",
            "no address, n***"})
    void anEmailAddress_keepsTheFirstCharacterAndTheDomain(String email, String masked) {
        assertThat(PersonalData.email(email)).isEqualTo(masked);
    }

    @Test
    void noPhoneNumber_isNoMaskedOne() {
        assertThat(PersonalData.phone(null)).isNull();
    }

    @Test
    void aName_keepsItsFirstCharacter() {
        assertThat(PersonalData.name("王芳")).isEqualTo("王*");
        assertThat(PersonalData.name(" Zhang Wei")).isEqualTo("Z*");
        assertThat(PersonalData.name("")).isEqualTo("*");
    }

    @Test
    void birthdaysAddressesAndOtherPersonalFields_areNotShownAtAll_otherFieldsAre() {
        assertThat(PersonalData.shown("birthday", LocalDate.of(1990, 3, 5))).isEqualTo("(not shown)");
        assertThat(PersonalData.shown("address", "上海市浦东新区世纪大道 100 号")).isEqualTo("(not shown)");
        assertThat(PersonalData.shown("phone", "13800138002")).isEqualTo("138****8002");
        assertThat(PersonalData.shown("region", "华东")).isEqualTo("华东");
    }

    @Test
    void scrub_masksEveryPhoneNumberAndEmailAddressInAText() {
        assertThat(PersonalData.scrub("same phone +8613800138002 and e-mail zhang.wei@example.com; call 138 1234 "
                + "5678 or 021-12345678"))
                .isEqualTo("same phone 138****8002 and e-mail z***@example.com; call 138****5678 or 021****5678");
        assertThat(PersonalData.scrub("For input string: \"13800138002\""))
                .isEqualTo("For input string: \"138****8002\"");
        assertThat(PersonalData.scrub("e-mail 'li@' is not valid (nothing after the '@'); o'neil@example.com"))
                .as("a quote around an address is no part of it").isEqualTo("e-mail 'l***@' is not valid (nothing "
                        + "after the '@'); o***@example.com");
    }

    @Test
    void scrub_leavesDatesAmountsIdsAndTimesAlone() {
        String text = "placed a first order of 13800138002.50 on 2024-03-01T09:00:00Z, order O13800138002, id "
                + "550e8400-e29b-41d4-a716-446655440000, 12345678 points, due 2024-03-01 12:00";
        assertThat(PersonalData.scrub(text)).isSameAs(text);
        String few = "score 45 reached 40";
        assertThat(PersonalData.scrub(few)).isSameAs(few);
    }

    @Test
    void aKnownValue_isMaskedWhereverItStands_aLatinOneAsAWholeWordOnly() {
        assertThat(PersonalData.mask("王芳的订单已到，王芳", "name", "王芳")).isEqualTo("王*的订单已到，王*");
        assertThat(PersonalData.mask("Li called; Lifetime value", "name", "Li")).isEqualTo("L* called; Lifetime value");
        assertThat(PersonalData.mask("born 1990-03-05", "birthday", LocalDate.of(1990, 3, 5)))
                .isEqualTo("born (not shown)");
        assertThat(PersonalData.mask("a b c", "name", "a")).as("one character is too short to tell").isEqualTo("a b c");
    }

    @Test
    void aRecord_isWrittenAsItsOwnToStringWould_withItsPersonalComponentsMasked() {
        record Lead(String id, String name, String phone, String email, LocalDate birthday, String region) {
        }
        assertThat(PersonalData.toString(new Lead("L1", "王芳", "+8613800138002", "wang@example.com",
                LocalDate.of(1990, 3, 5), "华东")))
                .isEqualTo("Lead[id=L1, name=王*, phone=138****8002, email=w***@example.com, birthday=(not shown), "
                        + "region=华东]");
    }
}
