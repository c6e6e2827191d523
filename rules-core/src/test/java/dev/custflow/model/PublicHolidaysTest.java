package dev.custflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.model.PublicHolidays.Kind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped mainland China days, pinned against the State Council notices, and the CSV form. */
class PublicHolidaysTest {
    private static final PublicHolidays CN = PublicHolidays.cnMainland();

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource(textBlock = """
            2024-01-01, HOLIDAY, 元旦
            2024-02-04, WORKDAY, 春节调休上班
            2024-02-10, HOLIDAY, 春节
            2024-02-17, HOLIDAY, 春节
            2024-02-18, WORKDAY, 春节调休上班
            2024-05-11, WORKDAY, 劳动节调休上班
            2024-09-14, WORKDAY, 中秋节调休上班
            2024-10-12, WORKDAY, 国庆节调休上班
            2025-01-26, WORKDAY, 春节调休上班
            2025-01-28, HOLIDAY, 春节
            2025-02-04, HOLIDAY, 春节
            2025-02-08, WORKDAY, 春节调休上班
            2025-05-31, HOLIDAY, 端午节
            2025-09-28, WORKDAY, 国庆节、中秋节调休上班
            2025-10-01, HOLIDAY, 国庆节、中秋节
            2025-10-08, HOLIDAY, 国庆节、中秋节
            2025-10-11, WORKDAY, 国庆节、中秋节调休上班
            2026-01-04, WORKDAY, 元旦调休上班
            2026-02-14, WORKDAY, 春节调休上班
            2026-02-15, HOLIDAY, 春节
            2026-02-23, HOLIDAY, 春节
            2026-02-28, WORKDAY, 春节调休上班
            2026-09-20, WORKDAY, 国庆节调休上班
            2026-10-07, HOLIDAY, 国庆节
            """)
    void knownDays_areListed(String date, Kind kind, String name) {
        PublicHolidays.Day d = CN.on(LocalDate.parse(date)).orElseThrow();
        assertThat(d.kind()).isEqualTo(kind);
        assertThat(d.nameZh()).isEqualTo(name);
        assertThat(d.nameEn()).isNotBlank();
    }

    @Test
    void ordinaryDays_andTheEveOf2024_areNotListed() {
        assertThat(CN.on(LocalDate.parse("2025-03-10"))).isEmpty();
        assertThat(CN.on(LocalDate.parse("2024-02-09"))).isEmpty(); // 除夕 2024 was not a public holiday
        assertThat(CN.on(LocalDate.parse("2025-10-09"))).isEmpty();
    }

    @Test
    void theYearsCovered_areThoseOfTheNotices() {
        assertThat(CN.years()).containsExactly(2024, 2025, 2026);
        // every adjusted working day is a weekend day: 8 in 2024, 5 in 2025, 6 in 2026
        assertThat(CN.days().values()).filteredOn(d -> d.kind() == Kind.WORKDAY)
                .allMatch(d -> d.date().getDayOfWeek() == DayOfWeek.SATURDAY
                        || d.date().getDayOfWeek() == DayOfWeek.SUNDAY);
        assertThat(CN.days().values()).filteredOn(d -> d.kind() == Kind.WORKDAY).hasSize(19);
    }

    @Test
    void aHostsFile_extendsAndOverrides() {
        PublicHolidays own = PublicHolidays.parse("""
                \uFEFF# company days
                date,kind,name_zh,name_en
                2025-12-31,holiday,公司年会,Company party

                2025-10-08,workday,值班,On duty
                """, "company.csv");
        PublicHolidays all = CN.with(own);
        assertThat(all.on(LocalDate.parse("2025-12-31")).orElseThrow().nameEn()).isEqualTo("Company party");
        assertThat(all.on(LocalDate.parse("2025-10-08")).orElseThrow().kind()).isEqualTo(Kind.WORKDAY);
        assertThat(all.on(LocalDate.parse("2025-10-07")).orElseThrow().kind()).isEqualTo(Kind.HOLIDAY);
    }

    @Test
    void badLines_areRefusedNamingFileAndLine() {
        assertThatThrownBy(() -> PublicHolidays.parse("date,kind\n2025-13-01,holiday\n", "my.csv"))
                .hasMessageStartingWith("my.csv:2: '2025-13-01' is not a date");
        assertThatThrownBy(() -> PublicHolidays.parse("2025-10-01,vacation,x,y", "my.csv"))
                .hasMessageContaining("my.csv:1: kind 'vacation'");
        assertThatThrownBy(() -> PublicHolidays.parse("2025-10-01", "my.csv")).hasMessageContaining("my.csv:1:");
        assertThatThrownBy(() -> PublicHolidays.parse("2025-10-01,holiday\n2025-10-01,workday", "my.csv"))
                .hasMessageContaining("my.csv:2: 2025-10-01 is listed twice");
    }
}
