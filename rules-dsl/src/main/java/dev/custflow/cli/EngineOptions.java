package dev.custflow.cli;

import dev.custflow.Custflow;
import dev.custflow.EngineBuilder;
import dev.custflow.dsl.RulesFolder;
import dev.custflow.dsl.SettingsFiles;
import dev.custflow.settings.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that runs rules shares: a rules folder, a settings file, partitions. */
public final class EngineOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "a rules folder (*.drl, *.dsl/*.dslr, *.drl.xlsx, *.drl.csv, settings.yaml) loaded on top "
                    + "of the built-in packs; a rule named like a built-in rule replaces it")
    Path rules;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "a settings file (.json, .yaml) applied after the rules folder's own settings")
    Path settings;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "1",
            description = "engine partitions (threads); the actions do not depend on it (default: ${DEFAULT-VALUE})")
    int partitions;

    /**
     * @return a builder with the rules folder, the settings and the partitions applied
     * @throws dev.custflow.settings.InvalidSettingsException naming file, line and key for a bad setting
     */
    public EngineBuilder builder() {
        Settings s = Settings.ofDefaults();
        EngineBuilder b = Custflow.builder().partitions(partitions);
        if (rules != null) {
            RulesFolder folder = RulesFolder.load(rules);
            s = folder.settingsOver(s);
            b.rules(folder.sources());
        }
        if (settings != null) {
            s = SettingsFiles.load(settings, s);
        }
        return b.settings(s);
    }

    /** @return the rules folder, or null */
    public Path rulesFolder() {
        return rules;
    }
}
