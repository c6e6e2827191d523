package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.model.InteractionKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Leads.csv: cleaning, the mapping to events, and errors that point at file, line and column. */
class LeadHistoryTest {
    @TempDir
    Path dir;

    private static final String ROW_1 = "a1,660737,API,Olark Chat,No,No,0,0,0,0,Page Visited on Website,,Select,"
            + "Select,Unemployed,Better Career Prospects,No,No,No,No,No,No,No,No,Interested in other courses,"
            + "Low in Relevance,No,No,Select,Select,02.Medium,02.Medium,15,15,No,No,Modified,";
    private static final String ROW_2 = "a2,660471,Landing Page Submission,Google,Yes,No,1,4,1013,2.5,"
            + "Had a Phone Conversation,India,\"Banking, Investment And Insurance\",Advertisements,"
            + "Working Professional,Better Career Prospects,No,No,No,No,No,No,No,No,Will revert,Might be,No,No,"
            + "Potential Lead,Mumbai,02.Medium,01.High,14,20,No,Yes,Modified,";

    private Path csv(String... rows) throws IOException {
        Path file = dir.resolve(LeadHistory.FILE_NAME);
        Files.writeString(file, SyntheticLeads.HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void load_cleansPlaceholders_keepsQuotedCommas_andOrdersByLeadNumber() throws IOException {
        LeadHistory h = LeadHistory.load(csv(ROW_1, ROW_2));

        assertThat(h.leads()).extracting(LeadHistory.Lead::leadNumber).containsExactly(660471L, 660737L);
        LeadHistory.Lead chat = h.leads().get(1);
        assertThat(chat.line()).isEqualTo(2);
        assertThat(chat.specialization()).as("Select is missing").isNull();
        assertThat(chat.country()).as("an empty cell is missing").isNull();
        assertThat(chat.city()).isNull();
        assertThat(chat.converted()).isFalse();
        LeadHistory.Lead google = h.leads().get(0);
        assertThat(google.line()).isEqualTo(3);
        assertThat(google.specialization()).isEqualTo("Banking, Investment And Insurance");
        assertThat(google.channel()).isEqualTo("LANDING_PAGE_SUBMISSION");
        assertThat(google.doNotEmail()).isTrue();
        assertThat(google.pageViewsPerVisit()).isEqualTo(2.5);
        assertThat(h.converted()).isEqualTo(1);
        assertThat(h.description()).isEqualTo("leads from Leads.csv: 2 leads, 1 converted (50.0 %)");
    }

    @Test
    void events_aCaptureWithTheProfileAndAttributes_thenTheVisitAndTheLastActivityAsInteractions()
            throws IOException {
        LeadHistory h = LeadHistory.load(csv(ROW_1, ROW_2));
        List<Event> events = h.events().toList();

        LeadCaptured captured = (LeadCaptured) events.get(0);
        assertThat(captured).extracting(LeadCaptured::at, LeadCaptured::leadId, LeadCaptured::channel,
                LeadCaptured::email, LeadCaptured::region, LeadCaptured::city, LeadCaptured::industry,
                LeadCaptured::title)
                .containsExactly(LeadHistory.START, "lead-660471", "LANDING_PAGE_SUBMISSION",
                        "lead-660471@example.invalid", "India", "Mumbai", "Banking, Investment And Insurance",
                        "Working Professional");
        assertThat(captured.doNotEmail()).isTrue();
        assertThat(captured.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("leadSource", "Google",
                "lastActivity", "Had a Phone Conversation", "lastNotableActivity", "Modified", "emailOptOut", "Yes",
                "timeOnSiteSeconds", 1013L, "totalVisits", 4L, "pageViewsPerVisit", 2.5));
        InteractionLogged visit = (InteractionLogged) events.get(1);
        assertThat(visit.kind()).isEqualTo(InteractionKind.PAGE_VIEW);
        assertThat(visit.count()).as("4 visits x 2.5 pages").isEqualTo(10);
        assertThat(visit.durationSeconds()).isEqualTo(1013);
        assertThat(((InteractionLogged) events.get(2)).kind()).isEqualTo(InteractionKind.CALL);
        // the second lead a minute later: no visit, and its last activity is a page view
        LeadCaptured chat = (LeadCaptured) events.get(3);
        assertThat(chat.at()).isEqualTo(LeadHistory.START.plusSeconds(60));
        assertThat(chat.attributes()).containsEntry("pageViewsPerVisit", 0L).containsEntry("timeOnSiteSeconds", 0L);
        assertThat(events).hasSize(5);
        assertThat(((InteractionLogged) events.get(4)).kind()).isEqualTo(InteractionKind.PAGE_VIEW);
        assertThat(h.to()).isEqualTo(Instant.parse("2025-01-06T00:02:00Z"));
    }

    @Test
    void aBadNumber_namesFileLineAndColumn() throws IOException {
        // the line of the file and the character column where the value starts, as an editor counts them
        Path file = csv(ROW_1, ROW_2.replace(",4,1013,", ",four,1013,"));

        assertThatThrownBy(() -> LeadHistory.load(file)).isInstanceOf(DataFileException.class)
                .hasMessage(file + ":3:51: column 'TotalVisits': 'four' is not a number")
                .satisfies(e -> assertThat(((DataFileException) e).column()).isEqualTo(51));
    }

    @Test
    void aBadOutcome_aBadYesNo_aNegativeTime_aRepeatedLead_areErrors() throws IOException {
        assertThatThrownBy(() -> LeadHistory.load(csv(ROW_1.replace(",No,No,0,0,0,0,", ",No,No,maybe,0,0,0,"))))
                .hasMessageEndingWith(":2:32: column 'Converted': 'maybe' is not an outcome: Converted is 1 (became "
                        + "a customer) or 0");
        assertThatThrownBy(() -> LeadHistory.load(csv(ROW_1.replace("API,Olark Chat,No,", "API,Olark Chat,N,"))))
                .hasMessageEndingWith(":2:26: column 'Do Not Email': 'N' is neither Yes nor No");
        assertThatThrownBy(() -> LeadHistory.load(csv(ROW_2.replace(",1013,", ",-5,"))))
                .hasMessageContaining("column 'Total Time Spent on Website': '-5' is not a count or a duration");
        assertThatThrownBy(() -> LeadHistory.load(csv(ROW_1, ROW_1)))
                .hasMessageEndingWith(":3:4: the lead number 660737 is on line 2 already");
    }

    @Test
    void aQuotedLineBreak_doesNotShiftTheLinesOfLaterRows() throws IOException {
        Path file = csv(ROW_2.replace("\"Banking, Investment And Insurance\"", "\"Banking,\nInsurance\""),
                ROW_1.replace(",0,0,0,0,", ",0,x,0,0,"));

        assertThatThrownBy(() -> LeadHistory.load(file)).hasMessageStartingWith(file + ":4:");
    }

    @Test
    void aMissingColumn_orAMissingFile_isNamed() throws IOException {
        Path file = dir.resolve("other.csv");
        Files.writeString(file, "Lead Number,Converted\n1,0\n");

        assertThatThrownBy(() -> LeadHistory.load(file)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(file + ":1: the header has no column 'Lead Origin', 'Lead Source'");
        assertThatThrownBy(() -> LeadHistory.load(dir.resolve("nowhere"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("give the file Leads.csv or the folder that holds it");
        Files.writeString(file, "");
        assertThatThrownBy(() -> LeadHistory.load(file)).hasMessageContaining(":1: the file is empty");
    }

    @Test
    void aBrokenQuote_isReportedWhereTheParserStopped() throws IOException {
        Path file = csv(ROW_1, "a3,1,API,\"Google\"x,No");

        assertThatThrownBy(() -> LeadHistory.load(file)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(file + ":3:").hasMessageContaining("not valid CSV");
    }
}
