package dev.custflow.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.model.Level;
import dev.custflow.settings.ChurnSettings.SilenceBand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** settings.churn's silence bands and switched-off causes: a threshold per number of orders, validated at once. */
class ChurnSettingsTest {
    private static final String BANDS = "{\"churn\": {\"silenceBands\": ["
            + "{\"fromOrders\": 1, \"noOrderDays\": 60, \"longNoOrderDays\": 180},"
            + "{\"fromOrders\": 2, \"noOrderDays\": 90, \"longNoOrderDays\": 200},"
            + "{\"fromOrders\": 4, \"noOrderDays\": 120, \"longNoOrderDays\": 225,"
            + " \"level\": \"LOW\", \"longLevel\": \"MEDIUM\"}],"
            + "\"offCauses\": [\"AMOUNT_FALLING\", \"INTERVAL_LENGTHENING\"]}}";

    /** How an English reason names the band of a customer with this many orders. */
    private static String band(ChurnSettings c, int orders) {
        return dev.custflow.rules.Reasons.of(java.util.Locale.ENGLISH).say(c.bandKey(orders), c.bandLow(orders),
                c.bandHigh(orders));
    }

    @Test
    void defaults_haveNoBands_andEveryCauseOn_soTheFlatThresholdsApply() {
        ChurnSettings d = ChurnSettings.ofDefaults();
        assertThat(d.silenceBands()).isEmpty();
        assertThat(d.offCauses()).isEmpty();
        assertThat(d.noOrderDays(1)).isEqualTo(30);
        assertThat(d.longNoOrderDays(12)).isEqualTo(90);
        assertThat(d.longLevel(3)).isEqualTo(Level.HIGH);
        assertThat(d.bandKey(5)).isNull();
        assertThat(d.isOn("AMOUNT_FALLING")).isTrue();
    }

    @Test
    void aCustomerIsInTheLastBandItsOrdersReach() {
        ChurnSettings c = Settings.builder().merge(BANDS).build().churn();
        assertThat(c.longNoOrderDays(1)).isEqualTo(180);
        assertThat(c.longNoOrderDays(2)).isEqualTo(200);
        assertThat(c.longNoOrderDays(3)).isEqualTo(200);
        assertThat(c.noOrderDays(4)).isEqualTo(120);
        assertThat(c.longNoOrderDays(40)).isEqualTo(225);
        assertThat(c.longLevel(3)).isEqualTo(Level.HIGH);
        assertThat(c.longLevel(5)).isEqualTo(Level.MEDIUM);
        assertThat(c.noOrderLevel(5)).isEqualTo(Level.LOW);
        assertThat(c.noOrderLevel(1)).isEqualTo(Level.MEDIUM);
        assertThat(band(c, 1)).isEqualTo("for customers with 1 order");
        assertThat(band(c, 3)).isEqualTo("for customers with 2 to 3 orders");
        assertThat(band(c, 9)).isEqualTo("for customers with 4 or more orders");
        assertThat(c.isOn("AMOUNT_FALLING")).isFalse();
        assertThat(c.isOn("NO_ORDER_LONG")).isTrue();
    }

    @Test
    void belowTheFirstBand_theFlatThresholdsApply() {
        ChurnSettings c = Settings.builder().set("churn.silenceBands",
                List.of(new SilenceBand(3, 100, 200, null, null))).build().churn();
        assertThat(c.longNoOrderDays(2)).isEqualTo(90);
        assertThat(band(c, 2)).isEqualTo("for customers with fewer than 3 orders");
    }

    @Test
    void bandsAndOffCauses_roundTripThroughTheJson() {
        Settings s = Settings.builder().merge(BANDS).build();
        Settings again = Settings.builder().merge(s.toJson()).build();
        assertThat(again.churn()).isEqualTo(s.churn());
        assertThat(again.churn().silenceBands()).hasSize(3);
        assertThat(s.toJson()).contains("\"silenceBands\"", "\"longLevel\" : \"MEDIUM\"", "\"offCauses\"");
    }

    @Test
    void mistakes_nameTheKey_andSayWhatToDo() {
        assertThatThrownBy(() -> Settings.builder().merge("{\"churn\": {\"silenceBands\": ["
                + "{\"fromOrders\": 4, \"noOrderDays\": 60, \"longNoOrderDays\": 180},"
                + "{\"fromOrders\": 2, \"noOrderDays\": 60, \"longNoOrderDays\": 180}]}}").build())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("churn.silenceBands[1].fromOrders").hasMessageContaining("from the fewest orders up");
        assertThatThrownBy(() -> Settings.builder().merge("{\"churn\": {\"silenceBands\": ["
                + "{\"fromOrders\": 1, \"noOrderDays\": 0, \"longNoOrderDays\": 180}]}}").build())
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("churn.silenceBands.noOrderDays");
        assertThatThrownBy(() -> Settings.builder().merge("{\"churn\": {\"silenceBands\": ["
                + "{\"fromOrders\": 1, \"noOrderDays\": 10, \"longNoOrderDay\": 180}]}}").build())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("churn.silenceBands.longNoOrderDays").hasMessageContaining("spelt so");
        assertThatThrownBy(() -> Settings.builder().set("churn.offCauses", List.of("AMOUNT_FALLNG")).build())
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("churn.offCauses")
                .hasMessageContaining("no built-in churn cause").hasMessageContaining("AMOUNT_FALLING");
    }
}
