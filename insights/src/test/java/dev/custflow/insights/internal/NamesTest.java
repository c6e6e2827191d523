package dev.custflow.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void aName_keepsItsNumber_andUnknownNamesHaveNone() {
        Names names = new Names(10);
        int a = names.id("R:wang");
        int b = names.id("T:wang");

        assertThat(names.id("R:wang")).isEqualTo(a);
        assertThat(b).isNotEqualTo(a);
        assertThat(names.find("T:wang")).isEqualTo(b);
        assertThat(names.find("P:wang")).isEqualTo(-1);
        assertThat(names.name(b)).isEqualTo("T:wang");
        assertThat(names.size()).isEqualTo(2);
    }

    @Test
    void moreNamesThanTheKeyHoldsAreRefused() {
        Names names = new Names(2);
        names.id("a");
        names.id("b");

        assertThatThrownBy(() -> names.id("c")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("More than 2");
        assertThat(names.id("a")).isZero();
    }
}
