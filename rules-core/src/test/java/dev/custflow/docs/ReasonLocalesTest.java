package dev.custflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.event.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's locale changes the reasons and nothing else: the example streams of docs/examples replayed in
 * English and in Chinese give the same actions, field for field, but the reason; every Chinese reason is Chinese
 * and no template key or placeholder is left in it.
 */
class ReasonLocalesTest {
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern LEFT_OVER = Pattern.compile("\\{\\d|\\b[a-z]+\\.[a-z][A-Za-z]+\\.?[A-Za-z]*\\b");

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("../docs/examples")).filter(p -> p.toString().endsWith(".jsonl")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void aReplayInChinese_givesTheSameActionsAsInEnglish_withChineseReasons(Path file) throws IOException {
        List<ObjectNode> en = replay(file, Locale.ENGLISH);
        List<ObjectNode> zh = replay(file, Locale.SIMPLIFIED_CHINESE);

        assertThat(zh).hasSameSizeAs(en).isNotEmpty();
        for (int i = 0; i < en.size(); i++) {
            String chinese = zh.get(i).remove("reason").asText();
            String english = en.get(i).remove("reason").asText();
            assertThat(zh.get(i)).as("action %d of %s without its reason", i, file).isEqualTo(en.get(i));
            assertThat(CJK.matcher(chinese).find()).as("%s is Chinese (English: %s)", chinese, english).isTrue();
            assertThat(LEFT_OVER.matcher(chinese).find()).as("%s has no key or placeholder left", chinese).isFalse();
        }
    }

    private static List<ObjectNode> replay(Path file, Locale locale) throws IOException {
        List<Event> events = new ArrayList<>();
        long n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (!line.isBlank()) {
                try {
                    events.add(Json.readEvent(line, n));
                } catch (EventRejectedException e) {
                    // the examples have bad lines on purpose; the engine never sees them
                }
            }
        }
        try (Engine e = Custflow.builder().locale(locale).build()) {
            List<ObjectNode> out = new ArrayList<>();
            for (var a : e.acceptAll(events).actions()) {
                out.add((ObjectNode) Json.mapper().readTree(Json.write(a))); // as replay prints it
            }
            return out;
        }
    }
}
