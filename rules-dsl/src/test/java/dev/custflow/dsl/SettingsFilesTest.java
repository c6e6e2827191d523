package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings files as editors save them. */
class SettingsFilesTest {

    @Test
    void aByteOrderMarkAtTheStart_isIgnored_inJsonAndYaml(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("settings.yaml"), "\uFEFFlifecycle:\n  dormantAfterDays: 250\n");
        Path json = Files.writeString(dir.resolve("settings.json"), "\uFEFF{\"lifecycle\":{\"dormantAfterDays\":250}}");

        assertThat(SettingsFiles.load(yaml, Settings.ofDefaults()).lifecycle().dormantAfterDays()).isEqualTo(250);
        assertThat(SettingsFiles.load(json, Settings.ofDefaults()).lifecycle().dormantAfterDays()).isEqualTo(250);
    }
}
