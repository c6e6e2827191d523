package dev.custflow.action;

import java.time.Instant;

/**
 * A lead was listed under the account of a company the engine already knows other contacts of: a person of its own,
 * not merged. JSON type {@code ACCOUNT_LINKED}.
 *
 * @param id               stable action id
 * @param at               when the engine decided it
 * @param rule             the rule that decided it
 * @param reason           why, in words a sales manager understands
 * @param customerId       the lead's record
 * @param accountKey       the account (the company name as an account key, e.g. {@code 华为})
 * @param contacts         the account's contacts, this lead included
 * @param customerContacts how many of the other contacts have ordered
 * @param accountOwnerId   the rep who owns the account's buying contact (or another contact), or null
 */
public record AccountLinked(String id, Instant at, String rule, String reason, String customerId, String accountKey,
                            int contacts, int customerContacts, String accountOwnerId) implements Action {

    @Override
    public String type() {
        return "ACCOUNT_LINKED";
    }
}
