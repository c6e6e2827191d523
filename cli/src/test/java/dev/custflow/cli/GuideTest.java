package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule author's guide (docs/guide.md and its Chinese twin) as a new user would try it: the folder it builds,
 * docs/examples/guide, holds exactly the files the guide shows, and lint, test, replay and whatif print what the
 * guide says they print.
 */
class GuideTest {
    private static final Path FOLDER = Path.of("../docs/examples/guide");
    private static final Path EVENTS = Path.of("../docs/examples/retention.jsonl");

    /** @return the fenced blocks of a Markdown file, without the fences */
    private static List<String> blocks(Path md) throws IOException {
        Matcher m = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(md));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String blockAfter(Path md, String command) throws IOException {
        List<String> b = blocks(md);
        for (int i = 0; i < b.size() - 1; i++) {
            if (b.get(i).strip().equals(command)) {
                return b.get(i + 1);
            }
        }
        throw new AssertionError(md + " shows no output after " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../docs/guide.md", "../docs/guide.zh.md"})
    void theGuideShowsTheFolderFilesAsTheyAre(String guide) throws IOException {
        List<String> shown = blocks(Path.of(guide));
        for (String file : List.of("settings.yaml", "大客户.dslr", "care-call.dslr", "regions.drl.csv")) {
            assertThat(shown).as("%s shows %s", guide, file).contains(Files.readString(FOLDER.resolve(file)));
        }
        String scenarios = Files.readString(FOLDER.resolve("scenarios/guide.yaml"));
        assertThat(shown).anySatisfy(b -> assertThat(scenarios.replace("\r", "")).contains(b.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../docs/guide.md", "../docs/guide.zh.md"})
    void lintAndTest_printWhatTheGuideSays(String guide) throws IOException {
        Path md = Path.of(guide);
        Main.Result lint = Main.capture("lint", FOLDER.toString());
        assertThat(lint.code()).isZero();
        assertThat(lint.out() + lint.err()).contains(
                blockAfter(md, "bin/custflow lint docs/examples/guide").strip().replace("docs/examples/guide",
                        FOLDER.toString()));

        Main.Result test = Main.capture("test", FOLDER.toString());
        assertThat(test.code()).isZero();
        assertThat(test.out()).isEqualTo(blockAfter(md, "bin/custflow test docs/examples/guide")
                .replace("docs/examples/guide", FOLDER.toString()));
    }

    @Test
    void lintAndTest_inChinese_printWhatTheChineseGuideSays() throws IOException {
        Path md = Path.of("../docs/guide.zh.md");
        Main.Result lint = Main.capture("lint", "--locale", "zh-CN", FOLDER.toString());
        assertThat(lint.code()).isZero();
        assertThat(lint.out()).isEqualTo(blockAfter(md, "bin/custflow lint --locale zh-CN docs/examples/guide")
                .replace("docs/examples/guide", FOLDER.toString()));
        Main.Result test = Main.capture("test", "--locale", "zh-CN", FOLDER.toString());
        assertThat(test.code()).isZero();
        assertThat(test.out()).isEqualTo(blockAfter(md, "bin/custflow test --locale zh-CN docs/examples/guide")
                .replace("docs/examples/guide", FOLDER.toString()));
    }

    @Test
    void replayAndWhatif_printWhatTheGuideSays() throws IOException {
        Main.Result replay = Main.capture("replay", "--rules", FOLDER.toString(), "--events", EVENTS.toString());
        assertThat(replay.code()).isZero();
        assertThat(replay.err()).contains("38 events accepted, 0 rejected, 0 duplicates; 122 actions");

        Main.Result whatif = Main.capture("whatif", "--rules", FOLDER.toString(), "--events", EVENTS.toString());
        assertThat(whatif.code()).isZero();
        for (Path md : List.of(Path.of("../docs/guide.md"), Path.of("../docs/guide.zh.md"))) {
            String shown = blockAfter(md, "bin/custflow whatif --rules docs/examples/guide --events "
                    + "docs/examples/retention.jsonl");
            assertThat(whatif.out()).contains(shown.strip());
        }
    }

    @Test
    void replayInChinese_printsTheReasonTheChineseGuideShows() throws IOException {
        String shown = blockAfter(Path.of("../docs/guide.zh.md"),
                "bin/custflow replay --locale zh-CN --events docs/examples/retention.jsonl");
        Matcher reason = Pattern.compile("\"reason\":\"[^\"]+\",\"customerId\":\"[^\"]+\"").matcher(shown);
        assertThat(reason.find()).as("the guide shows a reason").isTrue();

        Main.Result replay = Main.capture("replay", "--locale", "zh-CN", "--events", EVENTS.toString());

        assertThat(replay.code()).isZero();
        assertThat(replay.out()).contains(reason.group());
    }

    @Test
    void aBrokenLine_andARuleThatCallsSystemExitOrOpensAFile_areReportedWhereTheGuideSays(@TempDir Path dir)
            throws IOException {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(FOLDER.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Files.writeString(dir.resolve("broken.drl"), """
                package rules.mine;
                import dev.custflow.model.Customer;
                global dev.custflow.rules.Actions actions;

                rule "mine: big spenders"
                when
                    $c : Customer( totalSpent > 10000, !hasTag("big") )
                then
                    actions.addTag($c, "big", "spent over 10,000")
                end
                """);
        Files.writeString(dir.resolve("exit.drl"), """
                package rules.bad;
                import dev.custflow.model.Customer;
                import java.io.File;

                rule "bad: write a file"
                when
                    $c : Customer( )
                then
                    new File("/tmp/x").delete();
                    System.exit(1);
                end
                """);

        Main.Result lint = Main.capture("lint", dir.toString());

        assertThat(lint.code()).isEqualTo(1);
        assertThat(lint.out()).contains("broken.drl:5:1: error: Rule Compilation error ';' expected",
                "exit.drl:10:5: error: rules may not call System.exit: it would stop the host",
                "exit.drl:3:8: error: rules may not import java.io.File: files and streams belong to the host");
        Main.Result replay = Main.capture("replay", "--rules", dir.toString(), "--events", EVENTS.toString());
        assertThat(replay.code()).as("a folder with errors does not run").isEqualTo(2);
        assertThat(replay.out()).isEmpty();
    }
}
