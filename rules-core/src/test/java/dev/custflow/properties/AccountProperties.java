package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.action.AccountLinked;
import dev.custflow.action.Action;
import dev.custflow.event.LeadCaptured;
import dev.custflow.model.ContactData;
import dev.custflow.model.CustomerProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of people and accounts (docs/rules.md, "Accounts"; issue 17): a shared company is never evidence of
 * one person, so colleagues stay people of their own under one account; and a merge never loses a phone number or
 * an e-mail address that a lead brought.
 */
class AccountProperties {
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final ContactData INTAKE = ContactData.ofDefaults();
    /** One company, as people type it. */
    private static final List<String> HUAWEI = List.of("华为", "华为技术有限公司", "深圳市华为技术有限公司", "华为技术",
            "华为 技术 有限公司", "\u3000华为技术（有限公司）", "华为集团", "华为（深圳）有限公司", "深圳华为技术有限公司",
            "华为股份有限公司");
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂";

    /** n people (distinct names, phones, e-mails; some fields left out) at one company, spelt in varied ways. */
    private static List<LeadCaptured> colleagues(long seed, int n) {
        Random r = new Random(seed);
        List<LeadCaptured> leads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LeadCaptured.Builder b = LeadCaptured.builder("cap" + i, START.plusSeconds(60L * i), "L" + i,
                    r.nextBoolean() ? "WEBSITE" : "TRADE_SHOW").company(HUAWEI.get(r.nextInt(HUAWEI.size())));
            // the i-th name is unique: a surname and one or two given characters chosen by i
            String name = SURNAMES.charAt(i % SURNAMES.length()) + "" + GIVEN.charAt(i / SURNAMES.length() % GIVEN.length())
                    + (i >= SURNAMES.length() * GIVEN.length() ? "" + GIVEN.charAt(i % GIVEN.length()) : "");
            if (r.nextInt(4) > 0) {
                b.name(name);
            }
            if (r.nextInt(3) > 0) {
                b.phone(String.format("139 %04d %04d", i, r.nextInt(10_000)));
            }
            if (r.nextInt(3) > 0) {
                b.email("person" + i + "@huawei.example");
            }
            leads.add(b.build());
        }
        return leads;
    }

    @Property(tries = 60)
    void leadsSharingOnlyACompany_areNeverMerged_butListedUnderOneAccount(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 30) int n,
            @ForAll @IntRange(min = 1, max = 3) int partitions) {
        List<LeadCaptured> leads = colleagues(seed, n);
        try (Engine engine = Custflow.builder().packs(RulePack.LEADS).partitions(partitions).build()) {
            List<Action> actions = engine.acceptAll(leads).actions();

            assertThat(actions).extracting(Action::type).doesNotContain("LEADS_MERGED");
            assertThat(engine.customerCount()).isEqualTo(n);
            for (LeadCaptured l : leads) {
                CustomerProfile p = engine.customer(l.leadId()).orElseThrow();
                assertThat(p.id()).as("a person of its own").isEqualTo(l.leadId());
                assertThat(p.accountKey()).isEqualTo("华为");
            }
            // every lead after the first joins an account that already lists the ones before it
            assertThat(actions).filteredOn(AccountLinked.class::isInstance).map(AccountLinked.class::cast)
                    .extracting(AccountLinked::customerId, AccountLinked::contacts)
                    .containsExactlyElementsOf(leads.stream().skip(1)
                            .map(l -> org.assertj.core.groups.Tuple.tuple(l.leadId(),
                                    Integer.parseInt(l.leadId().substring(1)) + 1))
                            .toList());
        }
    }

    /** Leads with phones, e-mails, names and companies from small pools, so that many are one person. */
    private static List<LeadCaptured> overlapping(long seed, int n) {
        Random r = new Random(seed);
        int pool = Math.max(2, n / 2);
        List<LeadCaptured> leads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LeadCaptured.Builder b = LeadCaptured.builder("cap" + i, START.plusSeconds(60L * i + r.nextInt(50)),
                    "L" + i, r.nextBoolean() ? "WEBSITE" : "WECHAT");
            if (r.nextInt(3) > 0) {
                b.phone(String.format("+86 139 0000 %04d", r.nextInt(pool)));
            }
            if (r.nextInt(2) == 0) {
                b.email("p" + r.nextInt(pool) + "@Example.com");
            }
            if (r.nextInt(3) == 0) {
                b.name("王" + GIVEN.charAt(r.nextInt(3))).company(HUAWEI.get(r.nextInt(HUAWEI.size())));
            }
            leads.add(b.build());
        }
        return leads;
    }

    @Property(tries = 60)
    void aMerge_neverLosesAPhoneOrAnEmailALeadBrought(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
                                                      @ForAll @IntRange(min = 1, max = 3) int partitions) {
        List<LeadCaptured> leads = overlapping(seed, n);
        try (Engine engine = Custflow.builder().packs(RulePack.LEADS).partitions(partitions).build()) {
            engine.acceptAll(leads);
            for (LeadCaptured l : leads) {
                CustomerProfile p = engine.customer(l.leadId()).orElseThrow();
                Set<String> phones = new HashSet<>(p.otherPhones());
                if (p.phone() != null) {
                    phones.add(p.phone());
                }
                Set<String> emails = new HashSet<>(p.otherEmails());
                if (p.email() != null) {
                    emails.add(p.email());
                }
                ContactData.Checked phone = INTAKE.phone(l.profile().phone());
                ContactData.Checked email = INTAKE.email(l.profile().email());
                if (phone.isValid()) {
                    assertThat(phones).as("%s in %s", l.leadId(), p.id()).contains(phone.value());
                }
                if (email.isValid()) {
                    assertThat(emails).as("%s in %s", l.leadId(), p.id()).contains(email.value());
                }
                assertThat(p.channelTouches()).extracting(t -> t.leadId()).contains(l.leadId());
            }
        }
    }
}
