package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.model.ContactData;
import dev.custflow.text.PersonalData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a lead form sends, a phone number or e-mail address that intake accepts never survives masking: not in
 * its canonical form, not as entered, not inside a sentence; and masking a masked text changes nothing.
 */
class PersonalDataProperties {
    private static final ContactData INTAKE = ContactData.ofDefaults();

    @Provide
    Arbitrary<String> phones() {
        return ContactArbitraries.validPhones();
    }

    @Provide
    Arbitrary<String> emails() {
        return ContactArbitraries.validEmails();
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(ContactArbitraries.anything(), ContactArbitraries.tricky(),
                ContactArbitraries.phones(), ContactArbitraries.emails());
    }

    @Property(tries = 3000)
    void aValidPhoneNumber_neverSurvivesMasking(@ForAll("phones") String raw) {
        ContactData.Checked c = INTAKE.phone(raw);
        assertThat(c.isValid()).as(raw).isTrue();
        String canonical = c.value();
        String national = canonical.startsWith("+861") ? canonical.substring(3) // as written at home
                : canonical.startsWith("+86-") ? "0" + canonical.substring(4).replace("-", "") : canonical;
        for (String written : new String[] {canonical, national, raw.strip()}) {
            String masked = PersonalData.scrub("same phone " + written + ", call back");
            assertThat(masked).doesNotContain(canonical).doesNotContain(national);
        }
        assertThat(PersonalData.phone(raw).replaceAll("\\D", "")).hasSizeLessThanOrEqualTo(7);
    }

    @Property(tries = 3000)
    void aValidEmailAddress_neverSurvivesMasking(@ForAll("emails") String raw) {
        ContactData.Checked c = INTAKE.email(raw);
        assertThat(c.isValid()).as(raw).isTrue();
        assertThat(PersonalData.scrub("same e-mail " + c.value() + "; kept L1")).doesNotContain(c.value());
        String at = c.value().substring(c.value().indexOf('@'));
        assertThat(PersonalData.email(c.value())).as("one character of the local part is left")
                .isEqualTo(c.value().charAt(0) + "***" + at);
    }

    @Property(tries = 3000)
    void maskingAMaskedText_changesNothing(@ForAll("texts") String text) {
        String once = PersonalData.scrub("value " + text + " end");
        assertThat(PersonalData.scrub(once)).isEqualTo(once);
    }
}
