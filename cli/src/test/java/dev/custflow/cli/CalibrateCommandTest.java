package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.dsl.SettingsFiles;
import dev.custflow.examples.LeadHistory;
import dev.custflow.examples.SyntheticChineseLeads;
import dev.custflow.examples.SyntheticLeads;
import dev.custflow.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custflow calibrate} through the command line's own entry point, as bin/custflow runs it. */
class CalibrateCommandTest {
    @TempDir
    Path dir;

    @Test
    void calibrate_isACommandOfTheCli() {
        assertThat(Main.capture("--help").out()).containsPattern("calibrate +Calibrates lead-scoring weights");
    }

    @Test
    void calibrate_writesTheSettingsFile_andPrintsTheFigures() throws IOException {
        SyntheticLeads.write(dir, 1_000, 3);
        Path out = dir.resolve("weights/lead-scoring.yaml");

        Main.Result run = Main.capture("calibrate", "--leads", dir.toString(), "--seed", "5", "--train-share", "0.6",
                "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Calibrated a lead scorecard on 600 of 1,000 leads in Leads.csv (60 %, "
                        + "seed 5); measured through the engine on the other 400.")
                .containsPattern("AUC +0\\.\\d{3}").containsPattern("Brier +0\\.\\d{3}")
                .containsPattern("grade +leads +converted +actual +predicted")
                .containsPattern("top 20 % by score +\\d+\\.\\d % converted: lift \\d\\.\\d\\d over the base rate")
                .contains("scored            400 of 400 leads; 0 events rejected", "The default settings on the "
                        + "same leads: AUC ", "Weights written to " + out);
        assertThat(Files.readString(out)).contains("(60 %, seed 5)", "scoring:");
        assertThat(SettingsFiles.load(out, Settings.ofDefaults()).scoring().attributePoints())
                .containsKey("leadSource");
    }

    @Test
    void aMissingFile_aBadShare_orNoLeads_exitWithTwo_namingTheProblem() throws IOException {
        Main.Result missing = Main.capture("calibrate", "--leads", dir.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("custflow calibrate: no such file: " + dir.resolve(LeadHistory.FILE_NAME));

        SyntheticLeads.write(dir, 50, 1);
        Main.Result share = Main.capture("calibrate", "--leads", dir.toString(), "--train-share", "1.5");
        assertThat(share.code()).isEqualTo(2);
        assertThat(share.err()).contains("the train share must be above 0 and below 1 (e.g. 0.7), got 1.5");

        Files.writeString(dir.resolve(LeadHistory.FILE_NAME), SyntheticLeads.HEADER + "\n1,x,API\n");
        Main.Result bad = Main.capture("calibrate", "--leads", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Leads.csv:2:3: column 'Lead Number': the lead number 'x' is not a whole number");

        Main.Result none = Main.capture("calibrate");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("give the past leads: --leads FILE (or its folder), or --jdbc-url URL --query "
                + "SQL --mapping FILE");
    }

    @Test
    void calibrate_readsTheFileItself_asWellAsItsFolder() throws IOException {
        Path file = SyntheticLeads.write(dir, 600, 2);

        Main.Result run = Main.capture("calibrate", "--leads", file.toString(), "--out", dir.resolve("w.yaml")
                .toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Calibrated a lead scorecard on 420 of 600 leads in Leads.csv");
    }

    @Test
    void aChineseLeadTable_withAMapping_calibrates() throws IOException {
        Path csv = SyntheticChineseLeads.write(dir, 800, 4);
        Path mapping = SyntheticChineseLeads.writeMapping(dir);
        Path out = dir.resolve("评分.yaml");

        Main.Result run = Main.capture("calibrate", "--leads", csv.toString(), "--mapping", mapping.toString(),
                "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Calibrated a lead scorecard on 560 of 800 leads in 线索.csv (70 %, seed 42)")
                .contains("scored            240 of 240 leads");
        assertThat(SettingsFiles.load(out, Settings.ofDefaults()).scoring().attributeBands()).containsKey("停留秒数");
    }

    @Test
    void aWrongMapping_exitsWithTwo_namingTheFileTheLineAndTheColumn() throws IOException {
        Path csv = SyntheticChineseLeads.write(dir, 50, 4);
        Path mapping = dir.resolve("m.yaml");
        Files.writeString(mapping, SyntheticChineseLeads.MAPPING.replace("行业", "行当"));

        Main.Result run = Main.capture("calibrate", "--leads", csv.toString(), "--mapping", mapping.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("custflow calibrate: " + csv + ":1: the mapping " + mapping + " names the "
                + "column '行当' (industry), which the header does not have. Did you mean '行业'?");
    }

    @Test
    void aQuery_isALeadTableToo_withThePasswordFromTheEnvironment_neverTheCommandLine() throws Exception {
        Path csv = SyntheticChineseLeads.write(dir, 300, 6);
        Path mapping = SyntheticChineseLeads.writeMapping(dir);
        String url = "jdbc:h2:mem:calibrate;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "crm", "s3cret");
             Statement s = c.createStatement()) {
            s.execute("create table leads as select * from csvread('" + csv + "', null, 'charset=UTF-8')");

            Main.Result refused = Main.capture("calibrate", "--jdbc-url", url, "--query", "select * from leads",
                    "--mapping", mapping.toString(), "--user", "crm", "--password", "s3cret");
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains("--password is not accepted").doesNotContain("s3cret");

            Path secret = dir.resolve("secret");
            Files.writeString(secret, "s3cret\n");
            Main.Result run = Main.capture("calibrate", "--jdbc-url", url, "--query", "select * from leads",
                    "--mapping", mapping.toString(), "--user", "crm", "--password-file", secret.toString(), "--out",
                    dir.resolve("q.yaml").toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("Calibrated a lead scorecard on 210 of 300 leads in query (70 %, seed 42)");

            Main.Result noMapping = Main.capture("calibrate", "--jdbc-url", url, "--query", "select * from leads");
            assertThat(noMapping.err()).contains("--jdbc-url needs --mapping FILE");
            Main.Result noUrl = Main.capture("calibrate", "--query", "select 1", "--mapping", mapping.toString());
            assertThat(noUrl.err()).contains("--query goes with --jdbc-url");
        }
    }

    @Test
    void calibrateChurn_writesTheThresholds_andPrintsTheFiguresPerCauseAndLevel() throws IOException {
        Path file = dir.resolve("orders.txt");
        StringBuilder b = new StringBuilder("customer_id date number_of_cds dollar_value\n");
        for (int c = 1; c <= 200; c++) {
            String id = String.format("%05d", c);
            b.append(id).append(" 19970").append(1 + c % 3).append("10 1 ").append(10 + c % 7).append(".00\n");
            if (c % 2 == 0) {
                b.append(id).append(" 19970").append(4 + c % 3).append("12 2 20.00\n");
            }
            if (c % 5 == 0) {
                b.append(id).append(" 19980").append(1 + c % 4).append("15 1 15.00\n");
            }
        }
        b.append("00999 19980630 1 5.00\n");
        Files.writeString(file, b.toString());
        Path out = dir.resolve("churn.yaml");

        Main.Result run = Main.capture("calibrate", "--churn", file.toString(), "--seed", "3", "--bands", "1,2",
                "--cutoff", "1997-09-30", "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("customers with an order before the end of 1997-09-30", "(70 %, seed 3)",
                        "Customers kept apart, clock stopped at the cutoff: the end of 1997-09-30",
                        "clock stopped at a later cutoff (not learned from): the end of 1997-12-31", "NO_ORDER_LONG",
                        "level HIGH", "Thresholds written to " + out)
                .containsPattern("1 order +NO_ORDER from +\\d+ days");
        assertThat(SettingsFiles.load(out, Settings.ofDefaults()).churn().silenceBands()).hasSize(2);
    }

    @Test
    void calibrate_needsLeadsOrAnOrderHistory_notBoth() {
        Main.Result both = Main.capture("calibrate", "--leads", dir.toString(), "--churn", dir.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("or an order history: --churn PATH (one of them)");
        Main.Result missing = Main.capture("calibrate", "--churn", dir.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("custflow calibrate: no such file: " + dir.resolve("CDNOW_master.txt"));
    }
}
