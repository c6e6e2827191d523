package dev.custflow.event;

import dev.custflow.text.PersonalData;
import java.time.LocalDate;
import java.util.Map;

/**
 * The profile fields a {@link LeadCaptured} or {@link ProfileUpdated} may carry; null means "not given".
 *
 * @param name         person's name
 * @param company      company name
 * @param phone        phone number as entered (cleaned by the engine)
 * @param email        e-mail address as entered
 * @param region       sales region (e.g. 华东, East)
 * @param city         city
 * @param industry     industry
 * @param companySize  number of employees
 * @param title        job title
 * @param birthday     date of birth ({@code yyyy-MM-dd})
 * @param doNotEmail   opt-out of e-mail
 * @param doNotCall    opt-out of calls and SMS
 * @param referralCode the referral code the person arrived with
 * @param attributes   any other host attributes, kept on the profile
 * @param timeZone     the customer's time zone (IANA id such as Asia/Shanghai), for quiet hours
 */
public record ProfileFields(String name, String company, String phone, String email, String region, String city,
                            String industry, Integer companySize, String title, LocalDate birthday,
                            Boolean doNotEmail, Boolean doNotCall, String referralCode,
                            Map<String, Object> attributes, String timeZone) {
    /** @return the record with its personal fields masked: a record's own toString would print them raw */
    @Override
    public String toString() {
        return PersonalData.toString(this);
    }
}
