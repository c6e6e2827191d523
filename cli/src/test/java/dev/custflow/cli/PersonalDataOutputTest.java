package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line writes for people (standard error, the audit file) and for the host (the actions) holds no
 * phone number, e-mail address, name or birthday of its input raw (docs/personal-data.md).
 */
class PersonalDataOutputTest {
    private static final List<String> RAW = List.of("13800138002", "138 0013 8002", "0013", "wang.fang", "Wang.Fang",
            "王芳", "12345", "1890-01-01", "13800138009", "li@", "1990-03-05");

    @TempDir
    Path dir;

    @Test
    void replay_writesContactDataMaskedOrNotAtAll_inActionsRejectionsAndTheAuditTrail() throws Exception {
        Path events = Files.writeString(dir.resolve("people.jsonl"), String.join("\n",
                """
                {"type":"LeadCaptured","id":"e1","at":"2024-01-02T09:00:00Z","leadId":"L-1","channel":"WEBSITE","name":"王芳","phone":"138 0013 8002","email":"Wang.Fang@example.com","birthday":"1990-03-05"}""",
                """
                {"type":"LeadCaptured","id":"e2","at":"2024-01-03T09:00:00Z","leadId":"L-2","channel":"WECHAT","phone":"+86 13800138002"}""",
                """
                {"type":"LeadCaptured","id":"e3","at":"2024-01-03T10:00:00Z","leadId":"L-3","channel":"WEBSITE","phone":"12345","email":"li@"}""",
                """
                {"type":"LeadCaptured","id":"e4","at":"2024-01-03T11:00:00Z","leadId":"L-4","channel":"WEBSITE","birthday":"1890-01-01"}""",
                """
                {"type":"LeadCaptured","id":"e5","at":"2024-01-03T12:00:00Z","leadId":"L-5","channel":"WEBSITE","phone":["13800138009"]}""",
                """
                {"type":"CustomerErased","id":"e6","at":"2024-01-04T00:00:00Z","customerId":"L-1"}""") + "\n");
        Path audit = dir.resolve("audit.jsonl");

        Main.Result r = Main.capture("replay", "--events", events.toString(), "--audit", audit.toString());

        assertThat(r.code()).isZero();
        String written = Files.readString(audit, StandardCharsets.UTF_8);
        assertThat(r.out()).as("the actions").contains("same phone 138****8002", "phone '****45'", "e-mail 'l***@'");
        assertThat(r.err()).as("the rejections").contains("line 4", "field 'birthday' (value not shown", "line 5",
                "field 'phone' (value not shown");
        assertThat(written).contains("same phone 138****8002");
        for (String text : List.of(r.out(), r.err(), written)) {
            assertThat(text).doesNotContain(RAW);
        }
    }

    @Test
    void demo_printsNoPhoneNumber() {
        Main.Result r = Main.capture("demo", "--customers", "150", "--days", "120", "-q");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("LEADS_MERGED").containsPattern("same phone 1[3-9]\\d\\*{4}\\d{4}")
                .doesNotContainPattern("(?<!\\d)1[3-9]\\d{9}(?!\\d)").doesNotContain("@mail");
    }
}
