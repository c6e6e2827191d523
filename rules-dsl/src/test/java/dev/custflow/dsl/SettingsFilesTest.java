package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings files as editors save them. */
class SettingsFilesTest {

    @Test
    void aByteOrderMarkAtTheStart_isIgnored_inJsonAndYaml(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("settings.yaml"), "\uFEFFlifecycle:\n  dormantAfterDays: 250\n");
        Path json = Files.writeString(dir.resolve("settings.json"), "\uFEFF{\"lifecycle\":{\"dormantAfterDays\":250}}");

        assertThat(SettingsFiles.load(yaml, Settings.ofDefaults()).lifecycle().dormantAfterDays()).isEqualTo(250);
        assertThat(SettingsFiles.load(json, Settings.ofDefaults()).lifecycle().dormantAfterDays()).isEqualTo(250);
    }

    @Test
    void aHolidayFileNamedRelatively_isReadBesideTheSettingsFile(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("company.csv"), "date,kind,name_zh,name_en\n2025-12-31,holiday,年会,Party\n");
        Path yaml = Files.writeString(rules.resolve("settings.yaml"), "calendars:\n  holidays: [cn-mainland, company.csv]\n");

        Settings s = SettingsFiles.load(yaml, Settings.ofDefaults());

        assertThat(s.calendars().holidays()).containsExactly("cn-mainland",
                rules.resolve("company.csv").toAbsolutePath().normalize().toString());
    }

    @Test
    void anUnknownCalendarName_namesTheFileLineAndKey(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("settings.yaml"), "calendars:\n  teams:\n    EAST: ofice\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SettingsFiles.load(yaml, Settings.ofDefaults()))
                .hasMessageContaining("settings.yaml:3: setting 'calendars.teams.EAST' = ofice: no calendar by that "
                        + "name. Did you mean 'office'?");
    }
}
