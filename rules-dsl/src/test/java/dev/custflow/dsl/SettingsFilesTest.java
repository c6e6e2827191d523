package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    @Test
    void aDottedKey_setsOneRowOfATable_andKeepsTheOthers_atTheTopOrInASection(@TempDir Path dir) throws IOException {
        Path top = Files.writeString(dir.resolve("top.yaml"), """
                # one row of the channel table, as a scenario's settings block writes it
                scoring.channelPoints.WECHAT: 10
                lifecycle.dormantAfterDays: 250
                """);
        Path nested = Files.writeString(dir.resolve("nested.yaml"), """
                scoring:
                  channelPoints.WECHAT: 10
                  mqlThreshold: 70
                """);
        Map<String, Integer> defaults = Settings.ofDefaults().scoring().channelPoints();

        Settings fromTop = SettingsFiles.load(top, Settings.ofDefaults());
        Settings fromSection = SettingsFiles.load(nested, Settings.ofDefaults());

        assertThat(fromTop.scoring().channelPoints()).containsEntry("WECHAT", 10).hasSize(defaults.size()
                + (defaults.containsKey("WECHAT") ? 0 : 1)).containsAllEntriesOf(without(defaults, "WECHAT"));
        assertThat(fromTop.lifecycle().dormantAfterDays()).isEqualTo(250);
        assertThat(fromSection.scoring().channelPoints()).isEqualTo(fromTop.scoring().channelPoints());
        assertThat(fromSection.scoring().mqlThreshold()).isEqualTo(70);
    }

    @Test
    void aMisspeltDottedKey_namesItsLine_andTheKeyMeant(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("settings.yaml"), """
                lifecycle:
                  dormantAfterDays: 250
                scoring.chanelPoints.WECHAT: 10
                """);

        assertThatThrownBy(() -> SettingsFiles.load(file, Settings.ofDefaults()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith(file + ":3: setting 'scoring.chanelPoints'")
                .hasMessageContaining("Did you mean 'channelPoints'?");
    }

    private static Map<String, Integer> without(Map<String, Integer> table, String row) {
        Map<String, Integer> out = new java.util.HashMap<>(table);
        out.remove(row);
        return out;
    }
}
