package dev.custflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad holiday file stops the engine from being built, naming the key, the file and the line. */
class WorkingCalendarEngineTest {

    @Test
    void aBadHolidayFile_failsTheBuild(@TempDir Path dir) throws Exception {
        Path own = Files.writeString(dir.resolve("company.csv"), "date,kind\n2025-12-31,party\n");
        Settings s = Settings.builder().set("calendars.holidays", List.of("cn-mainland", own.toString())).build();
        assertThatThrownBy(() -> Custflow.builder().packs(RulePack.ASSIGNMENT, RulePack.REMINDERS).settings(s).build())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'calendars.holidays' = " + own)
                .hasMessageContaining("company.csv:2: kind 'party'");
    }
}
