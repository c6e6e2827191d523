package dev.custflow.event;

import java.time.Instant;

/**
 * A marketing campaign started for a customer segment.
 *
 * @param id         event id
 * @param at         when
 * @param campaignId the campaign
 * @param segment    the targeted segment (e.g. HIGH_VALUE)
 * @param name       campaign name
 * @param channel    preferred channel (EMAIL, SMS, WECHAT, CALL)
 */
public record CampaignLaunched(String id, Instant at, String campaignId, String segment, String name, String channel)
        implements Event {

    /** Validates the contract: campaignId and segment are required. */
    public CampaignLaunched {
        Check.envelope("CampaignLaunched", id, at);
        Check.id("CampaignLaunched", "campaignId", campaignId);
        Check.text("CampaignLaunched", "segment", segment);
        if (channel != null && java.util.Arrays.stream(dev.custflow.model.Channel.values())
                .noneMatch(c -> c.name().equals(channel))) {
            throw dev.custflow.EventRejectedException.ofField("CampaignLaunched", "channel", channel,
                    "must be one of EMAIL, SMS, WECHAT, CALL");
        }
    }

    @Override
    public String subjectId() {
        return null;
    }
}
