package dev.custflow.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The business language and the fact model cannot drift apart: every property and helper of the customer and every
 * action builder that docs/fact-model.md lists (FactModelDocTest keeps that file true to the code) has a sentence in
 * English and in Chinese, or is listed here as not meant for sentences, with the reason. The two languages say the
 * same things, sentence for sentence. (DslSupportTest checks that the examples use every sentence.)
 */
class DslCoverageTest {
    private static final Path FACT_MODEL = Path.of("../docs/fact-model.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);
    private static final Pattern ENTRY = Pattern.compile("^\\[(when|then)](.*?)(?<!\\\\)=(.*)$");
    private static final Pattern WAKE = Pattern.compile("^#\\s*wake:\\s*(.+)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\w+(?::[^}]*)?}");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    /** Customer members without a sentence, by why. */
    private static final Map<String, String> CUSTOMER_WITHOUT_SENTENCE = reasons(Map.of(
            "personal data or an id, which a rule must not spell out (docs/personal-data.md)", List.of("id", "name",
                    "company", "companyKey", "accountKey", "phone", "email", "otherPhones", "otherEmails",
                    "invalidContacts", "invalidContact", "contactGaps", "birthday", "referralCode", "ownReferralCode",
                    "isOwnReferralCode", "referrerId", "openOpportunityId", "stageSetBy", "ownerSetBy"),
            "an instant or a clock helper: the time sentences use them for their wake-ups ('with no order for 60 "
                    + "days' wakes the customer at daysAfterLastOrder(60)), a condition compares whole days",
            List.of("nowMillis", "createdAt", "periodsSinceCreated", "today", "daysUntil", "startOfDayBefore",
                    "hoursSince", "timeZone", "lastOrderAt", "firstOrderAt", "lastDeliveredAt", "lastSurveyAt",
                    "lastInteractionAt", "lastRepContactAt", "daysAfterFirstOrder", "daysAfterFirstBought",
                    "intervalDueAt", "complaintsBelowAt", "returnsBelowAt", "nextBirthday"),
            "a collection a DRL rule reads with 'from'; a sentence tests one thing ('tagged', 'who bought', 'who has "
                    + "been in stage', 'whose {key} is {value}' read the same data)",
            List.of("channelTouches", "attributes", "openOrders", "openOrder", "productsBought", "openTickets",
                    "stageHistory", "tags", "openWarnings", "contracts", "behaviourTally", "trackedOrders",
                    "trackedOrder"),
            "the built-in packs' own bookkeeping (the policy gate, lead scoring, RFM, once-only notes), which "
                    + "their settings steer", List.of("marketingSentSince", "nextRelease", "heldMessages",
                    "firstReachable", "hasInvalidContact", "reportedScore", "reportedGrade", "scoreReportedAt",
                    "scoreReportedWithinDays", "scoreMovedSinceReport", "behaviourMilliAt", "behaviourPoints",
                    "behaviourFallsToAt", "lastBehaviourAt", "daysWithoutEngagement", "daysAfterLastEngagement",
                    "engagedInStage", "capturedInStage", "noted", "rfmR", "rfmF", "rfmM", "rfmScored"),
            "said by another sentence: the total in cents ('who spent at least'), the opt-out sentences "
                    + "(isOptedOut includes doNotEmail and doNotCall), 'with BANT confirmed', 'at risk of churn' (a "
                    + "warning's cause is the name of the rule that warned)",
            List.of("totalSpent", "doNotEmail", "doNotCall", "budgetConfirmed", "authorityConfirmed",
                    "needConfirmed", "timelineConfirmed", "hasWarning"),
            "a figure the built-in churn, service, reminder and fulfilment rules compare with their settings; no sentence "
                    + "yet (isBirthdayToday also needs the business's time zone, which a sentence cannot read)",
            List.of("orderAmountFromEnd", "meanOrderIntervalDays", "medianOrderIntervalDays", "ordersReturned",
                    "daysSinceLastDelivery", "daysSinceFirstOrder", "daysSinceFirstBought", "ticketCount",
                    "firstContactResolutions", "ticketsResolved", "daysSinceLastSurvey", "interactionCount",
                    "hadRegularContact", "bantAmount", "opportunitiesLost", "isBirthdayToday", "owed",
                    "onTimeDeliveryRate", "deliveriesWithPromise")));

    /** Action builders without a sentence, by why. */
    private static final Map<String, String> ACTIONS_WITHOUT_SENTENCE = reasons(Map.of(
            "the scoring pack scores leads from its settings (docs/lead-scoring.md); a sentence setting a score "
                    + "would fight it", List.of("setScore", "reportScore", "scoreLead", "addBehaviourPoints"),
            "a pack's once-only marker; in sentences a tag does the same and shows in reports",
            List.of("note", "forget"),
            "the segments pack recomputes segments from RFM every week; a rule moving a segment fights it (lint "
                    + "warns): tag the customer instead", List.of("changeSegment"),
            "the lifecycle pack moves a disqualified lead that can be reached back to LEAD, so a sentence "
                    + "disqualifying one would loop (lint warns); a person sets a lead aside with StageSet",
            List.of("disqualifyLead"),
            "the assignment pack assigns every lead at capture and when capacity frees up, and assignLead needs "
                    + "that pack on", List.of("assignLead"),
            "they report what the engine did, or take a fact it puts beside a profile (ReferralCodeCheck, "
                    + "DuplicateLead, AccountLink, SlaBreach, LeadLost), which a sentence about the customer does not "
                    + "match", List.of("rewardReferral", "reverseReferral", "recordReferrer", "reportUnknownReferralCode",
                    "mergeLeads", "linkAccount", "escalateSla", "reassignLead", "loseLead"),
            "the fulfilment pack's steps, each taken once when an order reaches a status or a due day "
                    + "(docs/rules.md): a sentence asking again would send the ERP a second request; createTaskFor "
                    + "names a team such as finance, where the task sentences go to the customer's owner",
            List.of("requestInvoice", "requestStockCheck", "requestProduction", "requestPurchase", "requestShipment",
                    "reportLateDelivery", "noteOverdue", "createTaskFor")));

    @Test
    void everyCustomerPropertyAndHelper_hasASentenceInEachLanguage_orAReasonWhyNot() {
        List<String> members = documented("Customer");
        for (String language : List.of("en", "zh")) {
            String code = code(sentences(language));
            List<String> uncovered = members.stream().filter(m -> !readsCustomer(code, m)).toList();

            assertThat(uncovered).as("customer members without a %s sentence or a reason", language)
                    .isSubsetOf(CUSTOMER_WITHOUT_SENTENCE.keySet());
            assertThat(CUSTOMER_WITHOUT_SENTENCE.keySet()).as("listed as without a sentence, but %s has one",
                    language).doesNotContainAnyElementsOf(members.stream().filter(m -> readsCustomer(code, m))
                    .toList());
        }
        assertThat(members).as("members listed here that the fact model no longer has")
                .containsAll(CUSTOMER_WITHOUT_SENTENCE.keySet());
    }

    @Test
    void everyActionBuilder_hasASentenceInEachLanguage_orAReasonWhyNot() {
        List<String> actions = documented("Actions");
        for (String language : List.of("en", "zh")) {
            String code = code(sentences(language));
            List<String> uncovered = actions.stream().filter(a -> !code.contains("getGlobal(\"actions\"))." + a + "("))
                    .toList();

            assertThat(uncovered).as("actions without a %s sentence or a reason", language)
                    .containsExactlyInAnyOrderElementsOf(ACTIONS_WITHOUT_SENTENCE.keySet());
        }
        assertThat(actions).containsAll(ACTIONS_WITHOUT_SENTENCE.keySet());
    }

    @Test
    void theTwoLanguages_sayTheSameThings_sentenceForSentence() {
        List<Sentence> english = sentences("en");
        List<Sentence> chinese = sentences("zh");

        assertThat(chinese).extracting(Sentence::section, Sentence::code, Sentence::wake)
                .containsExactlyElementsOf(english.stream().map(s -> org.assertj.core.groups.Tuple.tuple(
                        s.section(), s.code(), s.wake())).toList());
        assertThat(english).hasSize(66); // the customer line, 55 conditions, 10 actions
    }

    @Test
    void theReasonsForNoSentence_areGiven_andNoMemberIsListedTwice() {
        assertThat(CUSTOMER_WITHOUT_SENTENCE.values()).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(ACTIONS_WITHOUT_SENTENCE.values()).allSatisfy(r -> assertThat(r).isNotBlank());
    }

    /** A sentence of a built-in DSL file: when or then, its code (values as {placeholders}) and its wake-up. */
    record Sentence(String section, String key, String code, String wake) {
    }

    private static List<Sentence> sentences(String language) {
        List<Sentence> out = new ArrayList<>();
        String wake = "";
        for (String line : resource("dev/custflow/dsl/custflow-" + language + ".dsl").split("\n")) {
            Matcher w = WAKE.matcher(line.strip());
            Matcher e = ENTRY.matcher(line.strip());
            if (w.matches()) {
                wake = w.group(1);
            } else if (e.matches()) {
                out.add(new Sentence(e.group(1), e.group(2), PLACEHOLDER.matcher(e.group(3)).replaceAll("{}"),
                        PLACEHOLDER.matcher(wake).replaceAll("{}")));
                wake = "";
            }
        }
        return out;
    }

    /** The code of the sentences and their wake-ups, without string literals and values. */
    private static String code(List<Sentence> sentences) {
        StringBuilder sb = new StringBuilder();
        for (Sentence s : sentences) {
            sb.append(s.code()).append('\n').append(s.wake()).append('\n');
        }
        return sb.toString();
    }

    /**
     * @return true if the code reads the member of the customer: as a property in a condition ({@code orderCount},
     *         {@code hasTag(}) or through {@code $c} ({@code $c.getNow()}, {@code $c.daysAfterLastOrder(})
     */
    private static boolean readsCustomer(String code, String member) {
        String plain = STRING.matcher(code).replaceAll("\"\"");
        String cap = Character.toUpperCase(member.charAt(0)) + member.substring(1);
        return Pattern.compile("(?<![\\w.$])" + Pattern.quote(member) + "\\b").matcher(plain).find()
                || Pattern.compile("\\$c\\.(?:get|is)?(?:" + Pattern.quote(member) + "|" + Pattern.quote(cap)
                + ")\\(").matcher(plain).find();
    }

    /** @return the members the fact model documents for a type, by name (an overload once) */
    private static List<String> documented(String type) {
        String doc;
        try {
            doc = Files.readString(FACT_MODEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = doc.indexOf("\n### " + type + "\n");
        assertThat(start).as("the section of %s in %s", type, FACT_MODEL).isNotNegative();
        int end = doc.indexOf("\n### ", start + 1);
        Set<String> out = new LinkedHashSet<>();
        Matcher m = ROW.matcher(doc.substring(start, end < 0 ? doc.length() : end));
        while (m.find()) {
            String name = m.group(1).replaceFirst("\\(.*$", "");
            out.add(name.substring(name.lastIndexOf('.') + 1));
        }
        return List.copyOf(out);
    }

    private static Map<String, String> reasons(Map<String, List<String>> byReason) {
        Map<String, String> out = new LinkedHashMap<>();
        byReason.forEach((reason, members) -> members.forEach(m -> assertThat(out.put(m, reason))
                .as("%s is listed twice", m).isNull()));
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(DslCoverageTest.class.getClassLoader().getResourceAsStream(name),
                name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
