package dev.custflow.internal.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.model.PublicHolidays;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** calendars.holidays read: the built-in days, a host's files over them, and errors naming key, file and line. */
class HolidayFilesTest {

    @Test
    void aHostsFile_extendsOrReplacesTheBuiltInDays(@TempDir Path dir) throws Exception {
        Path own = Files.writeString(dir.resolve("company.csv"),
                "date,kind,name_zh,name_en\n2025-12-31,holiday,年会,Company party\n");
        PublicHolidays extended = HolidayFiles.load(List.of("cn-mainland", own.toString()));
        assertThat(extended.on(LocalDate.parse("2025-12-31"))).isPresent();
        assertThat(extended.on(LocalDate.parse("2025-10-03"))).isPresent();

        PublicHolidays replaced = HolidayFiles.load(List.of(own.toString()));
        assertThat(replaced.on(LocalDate.parse("2025-10-03"))).isEmpty();
        assertThat(HolidayFiles.load(List.of())).isEqualTo(PublicHolidays.none());
    }

    @Test
    void aChangedFile_isReadAgain(@TempDir Path dir) throws Exception {
        Path own = Files.writeString(dir.resolve("company.csv"), "2025-12-31,holiday,年会,Party\n");
        assertThat(HolidayFiles.load(List.of(own.toString())).days()).hasSize(1);
        Files.writeString(own, "2025-12-30,holiday,年会,Party\n2025-12-31,holiday,年会,Party\n");
        assertThat(HolidayFiles.load(List.of(own.toString())).days()).hasSize(2);
    }

    @Test
    void badFiles_areRefusedNamingKeyFileAndLine(@TempDir Path dir) throws Exception {
        Path own = Files.writeString(dir.resolve("company.csv"), "2025-12-31,party\n");
        assertThatThrownBy(() -> HolidayFiles.load(List.of(own.toString())))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'calendars.holidays'").hasMessageContaining("company.csv:1: kind 'party'");
        assertThatThrownBy(() -> HolidayFiles.load(List.of("no-such.csv")))
                .hasMessageContaining("'calendars.holidays' = no-such.csv: cannot read this file");
    }

    @Test
    void anEngineCalendar_keepsTheHostsDays(@TempDir Path dir) throws Exception {
        Path own = Files.writeString(dir.resolve("company.csv"), "2025-12-31,holiday,年会,Party\n");
        Settings s = Settings.builder().set("calendars.holidays", List.of("cn-mainland", own.toString())).build();
        assertThat(Calendars.of(s).standard().hoursOn(LocalDate.parse("2025-12-31"))).isEmpty();
        assertThat(Calendars.of(s).standard().hoursOn(LocalDate.parse("2025-12-30"))).isNotEmpty();
    }
}
