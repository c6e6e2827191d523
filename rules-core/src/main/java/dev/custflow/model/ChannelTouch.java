package dev.custflow.model;

import java.time.Instant;

/**
 * One capture of a person as a lead: the channel it came from, when, and the lead id the host gave it.
 * A profile keeps every touch, its own and those of the duplicates merged into it (docs/design/rules-catalog.md §2).
 *
 * @param channel the channel (WEBSITE, WECHAT...)
 * @param at      when the lead was captured
 * @param leadId  the lead id the capture carried (the profile's own id, or a merged duplicate's)
 */
public record ChannelTouch(String channel, Instant at, String leadId) {
}
