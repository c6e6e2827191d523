package dev.custflow.insights;

import dev.custflow.model.Stage;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One customer as a scope sees it, for lists and exports. Name, phone and e-mail are masked
 * ({@link dev.custflow.text.PersonalData}) unless the scope grants personal data.
 *
 * @param id         the customer (or lead) id
 * @param stage      the lifecycle stage, or null before the engine gave one
 * @param rep        the owning rep, or null
 * @param team       the owner's team, or null
 * @param channel    the channel the customer was first captured from, or null
 * @param region     the region, or null
 * @param segment    the RFM segment (SEGMENT_CHANGED), or null
 * @param revenue    order amounts less cancelled and returned orders
 * @param orders     orders placed, less those cancelled or returned
 * @param lastOrder  when the last order was placed, or null
 * @param name       the person's name, masked unless granted, or null
 * @param phone      the phone number, masked unless granted, or null
 * @param email      the e-mail address, masked unless granted, or null
 */
public record CustomerRow(String id, Stage stage, String rep, String team, String channel, String region,
                          String segment, BigDecimal revenue, int orders, Instant lastOrder, String name,
                          String phone, String email) {

    /** @return the row with its personal fields masked: a record's own toString would print them raw */
    @Override
    public String toString() {
        return dev.custflow.text.PersonalData.toString(this);
    }
}
