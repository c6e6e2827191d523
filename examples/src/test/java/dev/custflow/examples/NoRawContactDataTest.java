package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.ProfileFields;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.model.ContactData;
import dev.custflow.spi.AuditEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Whole streams through the engine, and not one phone number, e-mail address, name or birthday of their input in
 * anything written for people: the actions (reasons and fields), the rejections, the audit trail and the demo's
 * report (docs/personal-data.md).
 */
class NoRawContactDataTest {
    private static final ContactData INTAKE = ContactData.ofDefaults();
    /** What junk leads of the simulated company give as their name: no one's, and a word of the reports too. */
    private static final Set<String> JUNK_NAMES = Set.of("test");

    @Property(tries = 4)
    void aSimulatedCompany_writesNoContactDataRaw(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                   @ForAll @IntRange(min = 1, max = 3) int partitions) {
        CompanySimulator company = CompanySimulator.of(CompanySimulator.Config.ofDefaults().withCustomers(150)
                .withDays(200).withSeed(seed));
        Output out = run(company, partitions);
        assertThat(out.personal()).as("the simulated company has contact data to hide").isNotEmpty();
        out.assertNoneRaw();
    }

    @Test
    void theRealLeads_writeNoContactDataRaw() throws IOException {
        Optional<java.nio.file.Path> folder = TestData.shared("leads");
        String why = "the leads data set is not here (looked for ../shared/data/leads from the project root; set "
                + "-Dcustflow.data=DIR to point elsewhere): skipping the real-data check";
        if (folder.isEmpty()) {
            System.err.println("SKIPPED NoRawContactDataTest: " + why);
        }
        assumeTrue(folder.isPresent(), why);
        LeadHistory all = LeadHistory.load(folder.get());
        LeadHistory some = all.select(all.leads().subList(0, 1_500), "the first 1,500 leads");
        Output out = run(some, 2);
        assertThat(out.personal()).isNotEmpty();
        out.assertNoneRaw();
    }

    /** Everything a run wrote for people, and the personal values its input held. */
    private record Output(List<String> texts, Set<String> personal) {
        void assertNoneRaw() {
            for (String text : texts) {
                for (String value : personal) {
                    assertThat(text).as("text written for people").doesNotContain(value);
                }
            }
        }
    }

    private static Output run(EventHistory history, int partitions) {
        List<Event> events;
        try (Stream<Event> s = history.events()) {
            events = s.toList();
        }
        List<String> texts = new ArrayList<>();
        DemoReport.Tally tally = DemoReport.tally();
        try (Engine e = Custflow.builder().partitions(partitions).auditLog(entry -> {
            tally.add(entry);
            texts.add(entry.toString());
        }).build()) {
            for (int i = 0; i < events.size(); i += 500) {
                BatchResult r = e.acceptAll(events.subList(i, Math.min(events.size(), i + 500)));
                tally.add(r);
                r.actions().forEach(a -> texts.add(a.toString()));
                r.rejections().forEach(x -> texts.add(x.message()));
            }
            e.forEachCustomer(tally::add);
            e.auditTrail(Integer.MAX_VALUE).stream().map(AuditEntry::toString).forEach(texts::add);
            texts.add(tally.build(new DemoReport.Run(history.description(), e.ruleNames().size(), partitions,
                    Duration.ZERO, Duration.ZERO, e.settings().timeZone())).toText());
        }
        return new Output(texts, personal(events));
    }

    /** Every phone, e-mail, name and birthday of the events, as sent and as intake cleans them. */
    private static Set<String> personal(List<Event> events) {
        Set<String> values = new TreeSet<>();
        for (Event e : events) {
            ProfileFields p = e instanceof LeadCaptured l ? l.profile() : e instanceof ProfileUpdated u ? u.profile()
                    : null;
            if (p == null) {
                continue;
            }
            ContactData.Checked phone = INTAKE.phone(p.phone());
            if (phone.isValid()) {
                values.add(phone.value());
                values.add(phone.value().replace("+86", "").replace("-", ""));
            }
            ContactData.Checked email = INTAKE.email(p.email());
            if (email.isValid()) {
                values.add(email.value());
            }
            String name = INTAKE.text(p.name());
            if (name != null && name.length() >= 2 && !JUNK_NAMES.contains(name)) {
                values.add(name);
            }
            if (p.birthday() != null) {
                values.add(p.birthday().toString());
            }
        }
        return values;
    }
}
