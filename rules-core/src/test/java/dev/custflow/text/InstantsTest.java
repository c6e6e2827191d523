package dev.custflow.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantsTest {
    @Test
    void utcAndOffsetTexts_areTheSameInstant_andSpaceAroundIsIgnored() {
        Instant utc = Instant.parse("2024-03-01T09:30:00Z");
        assertThat(Instants.parseOrNull("2024-03-01T09:30:00Z")).isEqualTo(utc);
        assertThat(Instants.parseOrNull(" 2024-03-01T17:30:00+08:00\t")).isEqualTo(utc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01 09:30", "1709285400", "2024-03-01", ""})
    void whatIsNotAnIsoInstant_isNull(String text) {
        assertThat(Instants.parseOrNull(text)).isNull();
    }
}
