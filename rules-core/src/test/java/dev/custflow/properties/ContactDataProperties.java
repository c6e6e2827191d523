package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.model.ContactData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Lead intake cleaning is idempotent: cleaning a cleaned value changes nothing, for text, phone numbers,
 * e-mail addresses and company keys, so a value re-sent by a host (or read back from the profile) keeps its
 * form, and an invalid value keeps its reason whether or not it was tidied first.
 */
class ContactDataProperties {
    private static final ContactData INTAKE = ContactData.ofDefaults();
    private static final ContactData HONG_KONG = ContactData.of("+852", ContactData.DEFAULT_PLACEHOLDERS,
            ContactData.DEFAULT_LEGAL_SUFFIXES);

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(ContactArbitraries.anything(), ContactArbitraries.tricky(),
                ContactArbitraries.companies());
    }

    @Provide
    Arbitrary<String> phones() {
        return Arbitraries.oneOf(ContactArbitraries.phones(), ContactArbitraries.anything());
    }

    @Provide
    Arbitrary<String> emails() {
        return Arbitraries.oneOf(ContactArbitraries.emails(), ContactArbitraries.anything());
    }

    @Provide
    Arbitrary<String> companies() {
        return Arbitraries.oneOf(ContactArbitraries.companies(), ContactArbitraries.anything());
    }

    @Property(tries = 2000)
    void text_cleaningTwice_isCleaningOnce(@ForAll("texts") String raw) {
        String once = INTAKE.text(raw);
        assertThat(INTAKE.text(once)).isEqualTo(once);
        assertThat(ContactData.tidy(ContactData.tidy(raw))).isEqualTo(ContactData.tidy(raw));
    }

    @Property(tries = 2000)
    void phone_cleaningTwice_isCleaningOnce(@ForAll("phones") String raw) {
        for (ContactData intake : new ContactData[] {INTAKE, HONG_KONG}) {
            ContactData.Checked once = intake.phone(raw);
            if (once.isValid()) {
                assertThat(intake.phone(once.value())).as("phone(%s) = %s", raw, once.value()).isEqualTo(once);
                assertThat(once.value()).startsWith("+");
            }
            assertThat(intake.phone(intake.text(raw))).isEqualTo(once);
        }
    }

    @Property(tries = 2000)
    void email_cleaningTwice_isCleaningOnce(@ForAll("emails") String raw) {
        ContactData.Checked once = INTAKE.email(raw);
        if (once.isValid()) {
            assertThat(INTAKE.email(once.value())).as("email(%s) = %s", raw, once.value()).isEqualTo(once);
            assertThat(once.value()).doesNotContain(" ").contains("@");
        }
        assertThat(INTAKE.email(INTAKE.text(raw))).isEqualTo(once);
    }

    @Property(tries = 2000)
    void companyKey_ofAKey_isTheKey(@ForAll("companies") String raw) {
        String key = INTAKE.companyKey(raw);
        assertThat(INTAKE.companyKey(key)).as("companyKey(%s) = %s", raw, key).isEqualTo(key);
        assertThat(INTAKE.companyKey(INTAKE.text(raw))).isEqualTo(key);
    }
}
