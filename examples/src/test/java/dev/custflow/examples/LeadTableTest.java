package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.dsl.SettingsFiles;
import dev.custflow.settings.ScoringSettings;
import dev.custflow.settings.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any lead table, read by a mapping: a Chinese CSV export with a byte-order mark, and a SQL query. */
class LeadTableTest {
    @TempDir
    Path dir;

    private LeadMapping mapping() throws IOException {
        return LeadMapping.load(SyntheticChineseLeads.writeMapping(dir));
    }

    @Test
    void aChineseExport_withAByteOrderMark_readsByItsMapping() throws IOException {
        LeadTable t = LeadTable.load(SyntheticChineseLeads.write(dir, 3, 1), mapping());

        assertThat(t.source()).isEqualTo("线索.csv");
        assertThat(t.rows()).hasSize(3);
        LeadTable.Row first = t.rows().get(0);
        assertThat(first.id()).isEqualTo("lead-10000");
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.texts()).containsKeys("channelPoints", "titlePoints", "attributePoints.最近活动")
                .doesNotContainValue("未填");
        assertThat(first.numbers()).containsKeys("attributeBands.停留秒数", "attributeBands.visits");
        assertThat(t.features()).extracting(LeadTable.Feature::table).containsExactly("channelPoints",
                "regionPoints", "industryPoints", "titlePoints", "attributePoints.最近活动", "attributeBands.停留秒数",
                "attributeBands.visits");
        assertThat(t.unusedColumns()).as("备注 is left out on purpose").isEmpty();
    }

    @Test
    void aChineseExport_calibrates_andTheScorecardFollowsItsStory() throws IOException {
        LeadTable t = LeadTable.load(SyntheticChineseLeads.write(dir, 2_000, 3), mapping());

        LeadCalibration.Result r = LeadCalibration.builder().build().run(t);
        ScoringSettings s = r.weights().scoring();

        assertThat(s.channelPoints().get("转介绍")).isGreaterThan(s.channelPoints().get("官网"));
        assertThat(s.titlePoints().get("总经理")).isGreaterThan(s.titlePoints().get("工程师"));
        assertThat(s.attributePoints().get("最近活动").get("邮件退回")).isLessThan(s.attributePoints().get("最近活动")
                .get("打开邮件"));
        // the bands the mapping gives, in order; the last (900 s and more) is the story's long visit
        List<ScoringSettings.AttributeBand> bands = s.attributeBands().get("停留秒数");
        assertThat(bands).extracting(ScoringSettings.AttributeBand::from).containsExactly(0.0, 60.0, 300.0, 900.0);
        assertThat(bands.get(3).points()).isGreaterThan(bands.get(2).points());
        // tables the table does not fill are emptied, not left at the defaults
        assertThat(s.companySizePoints()).isEmpty();
        assertThat(r.calibrated().scored()).isEqualTo(600);
        assertThat(r.calibrated().auc()).isGreaterThan(0.7);
        assertThat(r.toYaml()).contains("    最近活动:", "    停留秒数:", "\"转介绍\": ").doesNotContain("客户说");
        Path file = dir.resolve("weights.yaml");
        Files.writeString(file, r.toYaml(), StandardCharsets.UTF_8);
        assertThat(SettingsFiles.load(file, Settings.ofDefaults())).isEqualTo(r.weights().settings());
    }

    @Test
    void points_areTheRegressionsWeights_scaledAndRounded_andAScoreMapsBackToItsChance() throws IOException {
        LeadTable t = LeadTable.load(SyntheticChineseLeads.write(dir, 1_000, 5), mapping());
        LeadCalibration.Weights w = LeadCalibration.builder().build().calibrate(t.rows(), t.features());
        ScoringSettings s = w.scoring();

        for (Map.Entry<String, Integer> e : s.channelPoints().entrySet()) {
            assertThat(e.getValue()).as(e.getKey())
                    .isEqualTo((int) Math.round(w.pointsPerLogOdds() * w.weightOf("来源渠道", e.getKey())));
        }
        // grade B (and MQL) is the lowest score whose chance reaches 50 %; A 80 %, C 20 %
        assertThat(w.chanceAt(s.gradeB())).isGreaterThanOrEqualTo(0.5);
        assertThat(w.chanceAt(s.gradeB() - 1)).isLessThan(0.5);
        assertThat(w.chanceAt(s.gradeA())).isGreaterThanOrEqualTo(0.8);
        assertThat(w.chanceAt(s.gradeC() - 1)).isLessThan(0.2);
    }

    @Test
    void theSplit_isSeeded_disjoint_andCoversEveryLead() throws IOException {
        LeadTable t = LeadTable.load(SyntheticChineseLeads.write(dir, 200, 9), mapping());

        LeadCalibration.Result a = LeadCalibration.builder().seed(11).trainShare(0.7).build().run(t);
        LeadCalibration.Result b = LeadCalibration.builder().seed(11).trainShare(0.7).build().run(t);
        LeadCalibration.Result c = LeadCalibration.builder().seed(12).trainShare(0.7).build().run(t);

        assertThat(a.train().rows()).hasSize(140).doesNotContainAnyElementsOf(a.test().rows());
        assertThat(a.test().rows()).hasSize(60);
        assertThat(a.train().rows()).isEqualTo(b.train().rows()).isNotEqualTo(c.train().rows());
    }

    @Test
    void aColumnTheMappingNames_thatTheHeaderLacks_isRefused_namingFileLineAndTheClosestName() throws IOException {
        Path csv = SyntheticChineseLeads.write(dir, 3, 1);
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, SyntheticChineseLeads.MAPPING.replace("outcome: 是否成交", "outcome: 是否成"));

        assertThatThrownBy(() -> LeadTable.load(csv, LeadMapping.load(m))).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(csv + ":1: the mapping " + m + " names the column '是否成' (outcome), which "
                        + "the header does not have. Did you mean '是否成交'?");
    }

    @Test
    void aCellThatIsNotANumber_orNotAnOutcome_isRefused_namingFileLineColumnAndValue() throws IOException {
        Path csv = SyntheticChineseLeads.write(dir, 3, 1);
        List<String> lines = Files.readAllLines(csv);
        String[] row = lines.get(2).split(",");
        row[6] = "十分钟";
        lines.set(2, String.join(",", row));
        Files.write(csv, lines);

        assertThatThrownBy(() -> LeadTable.load(csv, mapping())).isInstanceOf(DataFileException.class)
                .hasMessageMatching(".*线索\\.csv:3:\\d+: column '网站停留秒数': '十分钟' is not a number");

        row[6] = "60";
        row[8] = "也许";
        lines.set(2, String.join(",", row));
        Files.write(csv, lines);
        assertThatThrownBy(() -> LeadTable.load(csv, mapping()))
                .hasMessageMatching(".*线索\\.csv:3:\\d+: column '是否成交': '也许' is not an outcome of the mapping "
                        + "\\(converted: 是; not converted: 否\\)");
    }

    @Test
    void aBadMapping_isRefused_namingTheFileTheLineAndTheFix() throws IOException {
        assertThat(mappingError("outcom: 是否成交\nconverted: [是]\n"))
                .isEqualTo("m.yaml:1: 'outcom' is not a key of a mapping. Did you mean 'outcome'?");
        assertThat(mappingError("converted: [是]\n"))
                .isEqualTo("m.yaml:1: outcome: is required: the column that says whether a lead converted");
        assertThat(mappingError("outcome: 是否成交\nconverted: [是]\nregion: 省份\ncategories:\n  省份: 省\n"))
                .isEqualTo("m.yaml:5: the column '省份' is mapped twice (region and categories); give each column "
                        + "one role");
        assertThat(mappingError("outcome: 是否成交\nconverted: [是]\ncategories:\n  省份: region\n"))
                .startsWith("m.yaml:4: 'region' (column '省份') is a profile field, not an attribute");
        assertThat(mappingError("outcome: 是否成交\nconverted: [是]\nnumbers:\n  访问次数: {bands: [0, 5, 3]}\n"))
                .isEqualTo("m.yaml:4: the bands of '访问次数' must go up: 3 follows 5");
    }

    private String mappingError(String yaml) throws IOException {
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, yaml);
        try {
            LeadMapping.load(m);
        } catch (DataFileException e) {
            return e.getMessage().replace(dir + "/", "");
        }
        throw new AssertionError("the mapping was accepted: " + yaml);
    }

    @Test
    void aQuery_readsTheSameTable_andABadValueNamesItsRow() throws IOException, SQLException {
        Path csv = SyntheticChineseLeads.write(dir, 400, 2);
        List<String> lines = Files.readAllLines(csv);
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:leads;DB_CLOSE_DELAY=-1")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table 线索 (线索编号 int primary key, 来源渠道 varchar(20), 省份 varchar(20), "
                        + "行业 varchar(20), 职位 varchar(20), 最近活动 varchar(20), 网站停留秒数 int, 访问次数 int, "
                        + "是否成交 varchar(2), 备注 varchar(100))");
            }
            try (PreparedStatement p = c.prepareStatement("insert into 线索 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (String line : lines.subList(1, lines.size())) {
                    String[] v = line.split(",", -1);
                    for (int i = 0; i < v.length; i++) {
                        p.setString(i + 1, v[i].isEmpty() ? null : v[i]);
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
            String sql = "select * from 线索 order by 线索编号";

            LeadTable fromQuery = LeadTable.query(c, sql, mapping());
            LeadTable fromFile = LeadTable.load(csv, mapping());

            assertThat(fromQuery.source()).isEqualTo("query");
            assertThat(fromQuery.rows()).extracting(LeadTable.Row::texts)
                    .isEqualTo(fromFile.rows().stream().map(LeadTable.Row::texts).toList());
            assertThat(LeadCalibration.builder().build().run(fromQuery).weights().settings())
                    .isEqualTo(LeadCalibration.builder().build().run(fromFile).weights().settings());

            try (Statement s = c.createStatement()) {
                s.execute("update 线索 set 是否成交 = '也许' where 线索编号 = 10002");
            }
            assertThatThrownBy(() -> LeadTable.query(c, sql, mapping())).isInstanceOf(DataFileException.class)
                    .hasMessage("query:3: column '是否成交': '也许' is not an outcome of the mapping (converted: 是; "
                            + "not converted: 否)");
        }
    }
}
