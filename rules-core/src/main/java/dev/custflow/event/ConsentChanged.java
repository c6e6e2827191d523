package dev.custflow.event;

import dev.custflow.model.Channel;
import java.time.Instant;

/**
 * The customer opted out of (or back into) one channel: an unsubscribe link, "reply TD to stop",
 * a request by phone. The policy gate holds every later message on that channel.
 *
 * @param id         event id
 * @param at         when
 * @param customerId the customer
 * @param channel    EMAIL, SMS, WECHAT or CALL
 * @param optedOut   true to stop messages on the channel, false to allow them again
 */
public record ConsentChanged(String id, Instant at, String customerId, Channel channel, Boolean optedOut)
        implements Event {

    /** Validates the contract: every field is required. */
    public ConsentChanged {
        Check.envelope("ConsentChanged", id, at);
        Check.id("ConsentChanged", "customerId", customerId);
        Check.required("ConsentChanged", "channel", channel);
        Check.required("ConsentChanged", "optedOut", optedOut);
    }

    @Override
    public String subjectId() {
        return customerId;
    }
}
