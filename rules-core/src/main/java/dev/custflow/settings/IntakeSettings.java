package dev.custflow.settings;

import dev.custflow.model.ContactData;
import java.util.List;

/**
 * Lead intake cleaning (docs/design/rules-catalog.md §2), applied to the profile fields of every {@code LeadCaptured} and
 * {@code ProfileUpdated} before the rules see them: see {@link ContactData}.
 *
 * @param defaultCountryCode the country of phone numbers written without a country code: '+' and its calling
 *                           code (default {@code +86}); Chinese mobile and landline numbering is checked for +86,
 *                           other countries' numbers only for their length
 * @param placeholders       values that mean "nothing entered" and are treated as missing, compared after
 *                           cleaning with case ignored (default Select, 请选择, N/A, NA, none, null, nil, -, --, 无, 暂无,
 *                           未知, unknown); a phone number listed here matches however it is written
 * @param legalSuffixes      legal forms left out of the company key (default 股份有限公司, 有限责任公司, 有限公司, 集团, 公司,
 *                           Co., Ltd., Ltd, Limited, Inc, Incorporated, Corp, Corporation, LLC, GmbH, Co)
 * @param matchOn            what makes two leads one person when the {@code leads} pack de-duplicates them: any of
 *                           {@code PHONE}, {@code EMAIL}, {@code NAME_COMPANY} (the same name at the same account:
 *                           both compared normalised); default all three; empty switches de-duplication off. A
 *                           company alone never makes two leads one person: its contacts are listed under one account
 *                           instead. {@code COMPANY}, from settings written before accounts, is read as
 *                           {@code NAME_COMPANY}
 */
public record IntakeSettings(String defaultCountryCode, List<String> placeholders, List<String> legalSuffixes,
                             List<String> matchOn) {

    /** What de-duplication can match on. */
    public static final List<String> MATCH_KEYS = List.of("PHONE", "EMAIL", "NAME_COMPANY");

    /** Validates the values and fills what was left out with defaults. */
    public IntakeSettings {
        defaultCountryCode = defaultCountryCode == null ? ContactData.CHINA : defaultCountryCode.strip();
        if (!ContactData.isCountryCode(defaultCountryCode)) {
            throw new InvalidSettingsException("intake.defaultCountryCode", defaultCountryCode,
                    "must be '+' and the country's calling code, 1 to 3 digits: +86 for China, +852 for Hong Kong, "
                            + "+1 for the US and Canada");
        }
        if (matchOn == null) {
            matchOn = MATCH_KEYS;
        } else {
            List<String> keys = new java.util.ArrayList<>(matchOn.size());
            for (String m : matchOn) {
                String key = "COMPANY".equals(m) ? "NAME_COMPANY" : m; // a company alone is no longer a match
                if (!MATCH_KEYS.contains(key)) {
                    throw new InvalidSettingsException("intake.matchOn", m, "not a match key; use any of "
                            + MATCH_KEYS);
                }
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
            matchOn = List.copyOf(keys);
        }
        placeholders = entries("intake.placeholders", placeholders, ContactData.DEFAULT_PLACEHOLDERS);
        legalSuffixes = entries("intake.legalSuffixes", legalSuffixes, ContactData.DEFAULT_LEGAL_SUFFIXES);
        for (String s : legalSuffixes) {
            if (s.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw new InvalidSettingsException("intake.legalSuffixes", s,
                        "has no letter or digit: punctuation is left out of the company key anyway");
            }
        }
    }

    private static List<String> entries(String key, List<String> given, List<String> defaults) {
        if (given == null) {
            return defaults;
        }
        for (String s : given) {
            if (s == null || s.isBlank()) {
                throw new InvalidSettingsException(key, s == null ? "null" : "\"" + s + "\"",
                        "an empty entry: empty values are always missing; remove it");
            }
        }
        return List.copyOf(given);
    }

    /** @return the catalog defaults */
    public static IntakeSettings ofDefaults() {
        return new IntakeSettings(ContactData.CHINA, ContactData.DEFAULT_PLACEHOLDERS,
                ContactData.DEFAULT_LEGAL_SUFFIXES, MATCH_KEYS);
    }

    /** @return the cleaning these settings describe (the engine builds it once per engine) */
    public ContactData contactData() {
        return ContactData.of(defaultCountryCode, placeholders, legalSuffixes);
    }
}
