package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's embedding example runs and prints what it promises. */
class EmbeddingExampleTest {

    @Test
    void main_printsTheLeadBecomingACustomer_withRulesAndReasons() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "LEAD_SCORED L-1001: first score: fit 5 (channel WECHAT +5) + behaviour 0 = 5, grade D [scoring: a new lead's first score is reported]",
                "STAGE_CHANGED L-1001: captured from channel WECHAT [lifecycle: captured lead becomes LEAD]",
                "STAGE_CHANGED L-1001: placed a first order of 1280.00 [lifecycle: first order makes a CUSTOMER]");
    }

    @Test
    void theReadmeShowsExactlyTheBodyOfMain() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String section = readme.substring(readme.indexOf("<!-- embedding:start"), readme.indexOf("<!-- embedding:end"));
        String snippet = section.substring(section.indexOf("```java\n") + 8, section.indexOf("```\n", section.indexOf("```java") + 7));
        List<String> source = Files.readAllLines(Path.of("src/main/java/dev/custflow/examples/EmbeddingExample.java"));
        int from = source.indexOf("    public static void main(String[] args) {") + 1;
        List<String> body = source.subList(from, source.lastIndexOf("    }")).stream()
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).toList();
        assertThat(snippet.lines().toList()).containsExactlyElementsOf(body);
        assertThat(body).hasSizeLessThanOrEqualTo(15);
    }
}
