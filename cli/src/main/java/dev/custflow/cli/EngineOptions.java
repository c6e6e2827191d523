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

    @Option(names = "--allow", paramLabel = "CLASS|PACKAGE.*", split = ",",
            description = "also allow the rules folder's rules to use this class or package (repeatable; "
                    + "docs/rules.md#the-sandbox); the folder itself cannot widen its sandbox")
    java.util.List<String> allow = new java.util.ArrayList<>();

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "1",
            description = "engine partitions (threads); the actions do not depend on it (default: ${DEFAULT-VALUE})")
    int partitions;

    /**
     * @return a builder with the rules folder, the settings and the partitions applied
     * @throws dev.custflow.settings.InvalidSettingsException naming file, line and key for a bad setting
     */
    public EngineBuilder builder() {
        EngineBuilder b = Custflow.builder().partitions(partitions).allowInRules(allow.toArray(String[]::new));
        if (rules != null) {
            b.rules(RulesFolder.load(rules).sources());
        }
        return b.settings(settings());
    }

    /**
     * @return the defaults, with the rules folder's settings file and then {@code --settings} applied
     * @throws dev.custflow.settings.InvalidSettingsException naming file, line and key for a bad setting
     */
    public Settings settings() {
        Settings s = Settings.ofDefaults();
        if (rules != null) {
            s = RulesFolder.load(rules).settingsOver(s);
        }
        return settings == null ? s : SettingsFiles.load(settings, s);
    }

    /** @return the number of partitions asked for */
    public int partitions() {
        return partitions;
    }

    /** @return the rules folder, or null */
    public Path rulesFolder() {
        return rules;
    }
}
