package dev.custflow.internal.profile;

import static dev.custflow.testdata.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.LeadCaptured;
import dev.custflow.event.ProfileFields;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.model.ContactData;
import dev.custflow.model.InvalidContact;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How LeadCaptured and ProfileUpdated fields reach the profile: cleaned, placeholders missing, invalid kept aside. */
class CustomerIntakeTest {

    private static LeadCaptured.Builder capture(String channel) {
        return LeadCaptured.builder("e1", at("2024-01-01"), "L1", channel);
    }

    private static ProfileUpdated update(String phone, String email, String company) {
        return ProfileUpdated.of("u1", at("2024-01-02"), "L1", new ProfileFields(null, company, phone, email, null,
                null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void capture_cleansEveryTextField_andDropsPlaceholders() {
        CustomerRecord c = new CustomerRecord("L1", at("2024-01-01"));
        c.apply(capture(" ＷＥＣＨＡＴ ").name("　王　 芳 ").company("ＡＣＭＥ Trading Co., Ltd.").region("华东")
                .city("N/A").industry("Select").title("  Sales\u00A0Director ").referralCode("无")
                .phone("１３８ １２３４ ５６７８").email(" Wang.Fang@Example.COM ")
                .attributes(Map.of("wechat", "无", "source", " 展会 ")).build());
        assertThat(c).extracting(CustomerRecord::getChannel, CustomerRecord::getName, CustomerRecord::getCompany,
                CustomerRecord::getCompanyKey, CustomerRecord::getRegion)
                .containsExactly("WECHAT", "王 芳", "ACME Trading Co., Ltd.", "acmetrading", "华东");
        assertThat(c.getCity()).isNull();
        assertThat(c.getIndustry()).isNull();
        assertThat(c.getTitle()).isEqualTo("Sales Director");
        assertThat(c.getReferralCode()).isNull();
        assertThat(c.getPhone()).isEqualTo("+8613812345678");
        assertThat(c.getEmail()).isEqualTo("wang.fang@example.com");
        assertThat(c.getAttributes()).containsExactly(Map.entry("source", "展会"));
        assertThat(c.isHasInvalidContact()).isFalse();
        assertThat(c.getContactGaps()).isEmpty();
    }

    @Test
    void capture_invalidPhoneAndEmail_areKeptAside_andDoNotCountAsContact() {
        CustomerRecord c = new CustomerRecord("L1", at("2024-01-01"));
        c.apply(capture("WEBSITE").phone("12345").email("wang fang@qq.com").build());
        assertThat(c.getPhone()).isNull();
        assertThat(c.getEmail()).isNull();
        assertThat(c.isContactable()).isFalse();
        assertThat(c.isHasInvalidContact()).isTrue();
        assertThat(c.invalidContact("phone").value()).isEqualTo("12345");
        assertThat(c.invalidContact("email").problem()).isEqualTo("is not a valid e-mail address (it contains a space)");
        assertThat(c.getContactGaps()).as("the values masked").isEqualTo("phone '****45' is not a valid phone "
                + "number (5 digits: a mobile number has 11, starting with 13 to 19); e-mail 'w***@qq.com' is not a "
                + "valid e-mail address (it contains a space)");
    }

    @Test
    void contactGaps_nameWhatIsMissingOrInvalid() {
        CustomerRecord c = new CustomerRecord("L1", at("2024-01-01"));
        assertThat(c.getContactGaps()).isEqualTo("no phone; no e-mail");
        c.apply(capture("WEBSITE").email("a@b").build());
        assertThat(c.getContactGaps()).isEqualTo("no phone; e-mail 'a***@b' is not a valid e-mail address (the "
                + "domain 'b' has no dot)");
        c.apply(update("13812345678", null, null));
        assertThat(c.getContactGaps()).isEqualTo("e-mail 'a***@b' is not a valid e-mail address (the domain 'b' has "
                + "no dot)");
    }

    @Test
    void aValidValueLater_replacesTheInvalidRecord() {
        CustomerRecord c = new CustomerRecord("L1", at("2024-01-01"));
        c.apply(capture("WEBSITE").phone("12345").email("abc@").build());
        c.apply(update("021-62345678", null, null));
        assertThat(c.getPhone()).isEqualTo("+86-21-62345678");
        assertThat(c.getInvalidContacts()).extracting(InvalidContact::field).containsExactly("email");
        c.apply(update(null, "ABC@example.com", null));
        assertThat(c.getEmail()).isEqualTo("abc@example.com");
        assertThat(c.getInvalidContacts()).isEmpty();
        assertThat(c.isHasInvalidContact()).isFalse();
    }

    @Test
    void aRepeatedCapture_onlyFillsWhatIsMissing() {
        CustomerRecord c = new CustomerRecord("L1", at("2024-01-01"));
        c.apply(capture("WEBSITE").phone("13812345678").email("N/A").company("海尔集团").build());
        // the phone is there: another capture's phone, valid or not, does not replace it
        c.apply(capture("WECHAT").phone("999").email("wang@163.com").company("Other Co").build());
        assertThat(c.getPhone()).isEqualTo("+8613812345678");
        assertThat(c.getEmail()).isEqualTo("wang@163.com");
        assertThat(c.getCompanyKey()).isEqualTo("海尔");
        assertThat(c.getInvalidContacts()).isEmpty();
        // an empty field takes the newest invalid value, reported once
        CustomerRecord d = new CustomerRecord("L2", at("2024-01-01"));
        d.apply(capture("WEBSITE").phone("12345").build());
        d.apply(capture("WEBSITE").phone("678").build());
        assertThat(d.getInvalidContacts()).extracting(InvalidContact::value).containsExactly("678");
    }

    @Test
    void anUpdate_replacesAValidValueWithAnInvalidOne_butNotWithAPlaceholder() {
        CustomerRecord c = new CustomerRecord("L1", at("2024-01-01"));
        c.apply(capture("WEBSITE").phone("13812345678").company("ACME Ltd").build());
        c.apply(update("-", "null", "N/A"));
        assertThat(c.getPhone()).isEqualTo("+8613812345678");
        assertThat(c.getCompany()).isEqualTo("ACME Ltd");
        c.apply(update("138", null, "ACME Holdings GmbH"));
        assertThat(c.getPhone()).isNull();
        assertThat(c.invalidContact("phone").value()).isEqualTo("138");
        assertThat(c.getCompanyKey()).isEqualTo("acmeholdings");
    }

    @Test
    void theIntakeSettings_decideTheDefaultCountry() {
        CustomerRecord c = new CustomerRecord("L1", at("2024-01-01"));
        c.apply(capture("WEBSITE").phone("9123 4567").build(), ContactData.of("+852",
                ContactData.DEFAULT_PLACEHOLDERS, ContactData.DEFAULT_LEGAL_SUFFIXES));
        assertThat(c.getPhone()).isEqualTo("+85291234567");
    }
}
