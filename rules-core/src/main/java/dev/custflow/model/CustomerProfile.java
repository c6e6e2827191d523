package dev.custflow.model;

import dev.custflow.text.PersonalData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A read-only copy of a customer's profile, for hosts and reports. Taken between engine calls, it
 * never changes afterwards.
 *
 * @param id             customer id
 * @param name           name
 * @param company        company
 * @param channel        first channel
 * @param region         region
 * @param industry       industry
 * @param stage          lifecycle stage, or null
 * @param stageHistory   every stage change, oldest first
 * @param stageSetBy     who set the stage by hand and keeps it there (a StageSet event), or null
 * @param score          lead score
 * @param grade          grade A-D, or null
 * @param ownerId        owning rep, or null
 * @param tags           tags
 * @param orderCount     orders ever placed
 * @param totalSpent     total of all orders
 * @param lastOrderAt    last order, or null
 * @param openComplaints open complaint tickets
 * @param lastNps        last NPS, or -1
 * @param doNotEmail     opted out of e-mail
 * @param doNotCall      opted out of calls and SMS
 * @param createdAt      when the engine first saw the customer
 * @param ticketsResolved         tickets resolved
 * @param firstContactResolutions of those, resolved at the first contact
 * @param openWarnings   causes of the open churn warnings
 * @param segment        RFM segment, or null
 * @param rfm            RFM scores as "RFM" digits (e.g. 545), or null before the first scoring
 * @param phone          phone in canonical form (+8613812345678), or null
 * @param email          e-mail in lower case, or null
 * @param companyKey     the company name as a de-duplication key, or null
 * @param invalidContacts phone or e-mail values sent that could not be used, as entered, with the reason
 * @param channelTouches  every capture as a lead, oldest first, including those of duplicates merged in
 * @param accountKey     the account the customer belongs to (the company name as an account key), or null
 * @param otherPhones    other phone numbers the person is known by (brought by duplicates merged in)
 * @param otherEmails    other e-mail addresses the person is known by (brought by duplicates merged in)
 * @param orders         the orders the engine tracks (in fulfilment, then those closed within the tracking period),
 *                       each with its status timeline
 */
public record CustomerProfile(String id, String name, String company, String channel, String region,
                              String industry, Stage stage, List<StageChange> stageHistory,
                              String stageSetBy, int score, String grade,
                              String ownerId, Set<String> tags, int orderCount, BigDecimal totalSpent,
                              Instant lastOrderAt, int openComplaints, int lastNps, boolean doNotEmail,
                              boolean doNotCall, Instant createdAt, int ticketsResolved, int firstContactResolutions,
                              List<String> openWarnings, Segment segment, String rfm, String phone, String email,
                              String companyKey, List<InvalidContact> invalidContacts,
                              List<ChannelTouch> channelTouches, String accountKey, List<String> otherPhones,
                              List<String> otherEmails, List<TrackedOrder> orders) {

    /**
     * @param c a customer fact
     * @return a read-only copy of it
     */
    public static CustomerProfile of(Customer c) {
        return new CustomerProfile(c.getId(), c.getName(), c.getCompany(), c.getChannel(), c.getRegion(),
                c.getIndustry(), c.getStage(), c.getStageHistory(), c.getStageSetBy(), c.getScore(), c.getGrade(), c.getOwnerId(),
                c.getTags(), c.getOrderCount(), c.getTotalSpent(), c.getLastOrderAt(), c.getOpenComplaints(),
                c.getLastNps(), c.isDoNotEmail(), c.isDoNotCall(), c.getCreatedAt(), c.getTicketsResolved(),
                c.getFirstContactResolutions(), c.getOpenWarnings(), c.getSegment(),
                c.isRfmScored() ? "" + c.getRfmR() + c.getRfmF() + c.getRfmM() : null, c.getPhone(), c.getEmail(),
                c.getCompanyKey(), c.getInvalidContacts(), c.getChannelTouches(), c.getAccountKey(),
                c.getOtherPhones(), c.getOtherEmails(), c.getTrackedOrders().stream().map(TrackedOrder::of).toList());
    }

    /** @return the record with its personal fields masked: a record's own toString would print them raw */
    @Override
    public String toString() {
        return PersonalData.toString(this);
    }
}
