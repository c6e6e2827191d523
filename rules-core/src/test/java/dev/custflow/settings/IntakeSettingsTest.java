package dev.custflow.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** settings.intake: lead intake cleaning, validated at once like every other setting. */
class IntakeSettingsTest {

    @Test
    void defaults_areKeys_andTheJsonRoundTrips() {
        Settings defaults = Settings.ofDefaults();
        assertThat(defaults.intake()).isEqualTo(IntakeSettings.ofDefaults());
        assertThat(Settings.builder().merge(defaults.toJson()).build().intake()).isEqualTo(defaults.intake());
        assertThat(defaults.toJson()).contains("\"defaultCountryCode\" : \"+86\"", "\"placeholders\" : [",
                "\"N/A\"", "\"legalSuffixes\" : [", "\"有限公司\"");
    }

    @Test
    void settings_changeTheCleaning() {
        Settings s = Settings.builder().set("intake.defaultCountryCode", "+852")
                .set("intake.placeholders", List.of("TBD", "13800138000"))
                .merge("{\"intake\": {\"legalSuffixes\": [\"有限合伙\"]}}").build();
        var intake = s.intake().contactData();
        assertThat(intake.defaultCountryCode()).isEqualTo("+852");
        assertThat(intake.phone("9123 4567").value()).isEqualTo("+85291234567");
        assertThat(intake.phone("+86 138 0013 8000").isMissing()).isTrue();
        assertThat(intake.text("tbd")).isNull();
        assertThat(intake.text("N/A")).as("the list replaces the default list").isEqualTo("N/A");
        assertThat(intake.companyKey("红杉（有限合伙）")).isEqualTo("红杉");
        assertThat(intake.companyKey("海尔集团")).isEqualTo("海尔集团");
    }

    @Test
    void mistakes_nameTheKey_andSuggest() {
        assertThatThrownBy(() -> Settings.builder().set("intake.defaultCountryCode", "86"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'intake.defaultCountryCode' = 86")
                .hasMessageContaining("must be '+' and the country's calling code, 1 to 3 digits: +86 for China");
        assertThatThrownBy(() -> Settings.builder().set("intake.defaultCountyCode", "+86"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'intake.defaultCountyCode'").hasMessageContaining("Did you mean 'defaultCountryCode'?");
        assertThatThrownBy(() -> Settings.builder().set("intake.placeholder", List.of("TBD")))
                .hasMessageContaining("Did you mean 'placeholders'?");
        assertThatThrownBy(() -> Settings.builder().set("intak.placeholders", List.of("TBD")))
                .hasMessageContaining("'intak'").hasMessageContaining("Did you mean 'intake'?");
        assertThatThrownBy(() -> Settings.builder().set("intake.placeholders", List.of("TBD", " ")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'intake.placeholders'").hasMessageContaining("an empty entry");
        assertThatThrownBy(() -> Settings.builder().set("intake.legalSuffixes", List.of("., ")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'intake.legalSuffixes' = .,").hasMessageContaining("has no letter or digit");
        assertThatThrownBy(() -> Settings.builder().merge("{\"intake\": {\"placeholders\": \"N/A\"}}"))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("intake.placeholders");
    }
}
