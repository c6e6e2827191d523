package dev.custflow.rules;

import java.util.List;

/**
 * A fact the engine puts beside a profile when a captured lead works at a company the engine already knows other
 * contacts of (docs/rules.md, "Accounts"): the lead is a person of its own, listed under the same account as
 * them. The {@code leads} pack reports it as ACCOUNT_LINKED, and tags a new contact of an account that already buys.
 *
 * @param customerId     the lead's record (the survivor when the lead was merged into a known person)
 * @param accountKey     the account: the company name as an account key, e.g. {@code 华为}
 * @param contactIds     the account's other contacts, in the order they joined
 * @param customerIds    those of them that have ordered, in the same order
 * @param accountOwnerId the owner of the first of them that has ordered and has an owner, else of the first
 *                       contact that has an owner; null when no contact has one
 */
public record AccountLink(String customerId, String accountKey, List<String> contactIds, List<String> customerIds,
                          String accountOwnerId) {

    /** Copies the lists. */
    public AccountLink {
        contactIds = List.copyOf(contactIds);
        customerIds = List.copyOf(customerIds);
    }

    /** @return the account's contacts, this lead included */
    public int contactCount() {
        return contactIds.size() + 1;
    }

    /** @return how many of the account's other contacts have ordered */
    public int customerCount() {
        return customerIds.size();
    }

    /** @return true if another contact of this account is already a customer (has ordered) */
    public boolean anotherContactIsCustomer() {
        return !customerIds.isEmpty();
    }
}
