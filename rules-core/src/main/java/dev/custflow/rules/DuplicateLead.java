package dev.custflow.rules;

import dev.custflow.text.PersonalData;
import java.util.List;

/**
 * A fact the engine puts beside a profile when a captured lead turned out to be a person it already knew
 * (docs/design/rules-catalog.md §2): the duplicate has been folded into the survivor, the earliest record, and its id now
 * leads to the survivor. The {@code leads} pack reports it as LEADS_MERGED; one fact per merged record.
 *
 * @param survivorId the record that stays
 * @param mergedId   the record folded into it (the new lead, or an existing lead the new one showed to be the
 *                   same person)
 * @param matchedOn  what matched: PHONE, EMAIL, NAME_COMPANY (the same name at the same account; a company alone
 *                   never makes two leads one person)
 * @param matched    the matching values, in the same order (normalised phone, e-mail, and for NAME_COMPANY the
 *                   account key: the name is never in the fact)
 */
public record DuplicateLead(String survivorId, String mergedId, List<String> matchedOn, List<String> matched) {

    /** Copies the lists. */
    public DuplicateLead {
        matchedOn = List.copyOf(matchedOn);
        matched = List.copyOf(matched);
    }

    /**
     * @return what matched in words, the phone and e-mail masked, e.g. {@code phone 138****5678 and e-mail
     *         l***@example.com}
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < matchedOn.size(); i++) {
            if (i > 0) {
                b.append(i == matchedOn.size() - 1 ? " and " : ", ");
            }
            b.append(switch (matchedOn.get(i)) {
                case "PHONE" -> "phone " + PersonalData.phone(matched.get(i));
                case "EMAIL" -> "e-mail " + PersonalData.email(matched.get(i));
                default -> "name at company " + matched.get(i);
            });
        }
        return b.toString();
    }

    /**
     * What matched in the engine's locale (keys {@code leads.match.*}), the phone and e-mail masked.
     *
     * @param reasons the reason templates (global {@code reasons})
     * @return e.g. {@code phone 138****5678 and e-mail l***@example.com}, in Chinese {@code 手机号138****5678和邮箱...}
     */
    public String describe(Reasons reasons) {
        String text = null;
        for (int i = 0; i < matchedOn.size(); i++) {
            String part = switch (matchedOn.get(i)) {
                case "PHONE" -> reasons.say("leads.match.phone", PersonalData.phone(matched.get(i)));
                case "EMAIL" -> reasons.say("leads.match.email", PersonalData.email(matched.get(i)));
                default -> reasons.say("leads.match.nameCompany", matched.get(i));
            };
            text = text == null ? part
                    : reasons.say(i == matchedOn.size() - 1 ? "leads.match.and" : "leads.match.list", text, part);
        }
        return text == null ? "" : text;
    }

    /** @return the fact with the matching values as {@link #describe} shows them */
    @Override
    public String toString() {
        return "DuplicateLead[survivorId=" + survivorId + ", mergedId=" + mergedId + ", " + describe() + "]";
    }
}
