package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.custflow.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings block of docs/rules.md is the rule author's reference for every key: loaded as a
 * settings.yaml it must be accepted and give exactly the built-in defaults, so it cannot drift.
 */
class DocumentedSettingsTest {
    private static final Path RULES_MD = Path.of("../docs/rules.md");

    @Test
    void theDocumentedSettingsBlock_loadsAndIsExactlyTheDefaults(@TempDir Path dir) throws IOException {
        String md = Files.readString(RULES_MD);
        int start = md.indexOf("```yaml\ntimeZone:");
        assertThat(start).as("the settings block of docs/rules.md").isNotNegative();
        String yaml = md.substring(start + "```yaml\n".length(), md.indexOf("\n```", start + 1));
        Path file = dir.resolve("settings.yaml");
        Files.writeString(file, yaml);

        Settings documented = SettingsFiles.load(file, Settings.ofDefaults());

        assertThat(documented).isEqualTo(Settings.ofDefaults());
        // and it names every key, so a new setting cannot go undocumented by keeping its default
        JsonNode written = new YAMLMapper().readTree(yaml);
        JsonNode all = new ObjectMapper().readTree(Settings.ofDefaults().toJson());
        all.fieldNames().forEachRemaining(section -> {
            assertThat(written.has(section)).as("docs/rules.md settings block has '%s'", section).isTrue();
            if (all.get(section).isObject() && section.equals(section.strip())) {
                all.get(section).fieldNames().forEachRemaining(key -> assertThat(written.get(section).has(key))
                        .as("docs/rules.md settings block has '%s.%s'", section, key).isTrue());
            }
        });
    }
}
