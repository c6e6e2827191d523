package dev.custflow.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantsTest {
    @Test
    void utcAndOffsetTexts_areTheSameInstant_andSpaceAroundIsIgnored() {
        Instant utc = Instant.parse("2024-03-01T09:30:00Z");
        assertThat(Instants.parseOrNull("2024-03-01T09:30:00Z")).isEqualTo(utc);
        assertThat(Instants.parseOrNull(" 2024-03-01T17:30:00+08:00\t")).isEqualTo(utc);
    }

    @Test
    void whatIsNotAnIsoInstant_isNull() {
        assertThat(Instants.parseOrNull("2024-03-01 09:30")).isNull();
        assertThat(Instants.parseOrNull("1709285400")).isNull();
        assertThat(Instants.parseOrNull("2024-03-01")).isNull();
        assertThat(Instants.parseOrNull("")).isNull();
    }
}
