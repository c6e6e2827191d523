package dev.custflow.dsl;

import dev.custflow.RuleSource;
import dev.custflow.settings.Settings;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A rules folder as rule authors lay it out: rule files ({@code *.drl}, {@code *.dsl} with
 * {@code *.dslr}, {@code *.drl.xlsx} / {@code *.drl.csv} decision tables) anywhere below it, and
 * an optional {@code settings.yaml} (or {@code settings.yml}, {@code settings.json}) at its top, and
 * scenario tests in {@code scenarios/} ({@code *.yaml}, {@code *.yml}, {@code *.json}; docs/scenarios.md).
 *
 * @param root     the folder
 * @param sources  the rule files, in path order, named relative to the folder
 * @param settings the settings file, if there is one
 */
public record RulesFolder(Path root, List<RuleSource> sources, Optional<Path> settings) {

    private static final List<String> SETTINGS_NAMES = List.of("settings.yaml", "settings.yml", "settings.json");

    /**
     * @param root a rules folder
     * @return what it holds
     * @throws IllegalArgumentException if it is not a folder
     * @throws UncheckedIOException     if it cannot be read
     */
    public static RulesFolder load(Path root) {
        List<RuleSource> sources = RuleSource.allIn(root);
        Optional<Path> settings = SETTINGS_NAMES.stream().map(root::resolve).filter(Files::isRegularFile).findFirst();
        return new RulesFolder(root, sources, settings);
    }

    /**
     * @param base the settings to start from
     * @return {@code base} with the folder's settings file applied, if any
     */
    public Settings settingsOver(Settings base) {
        return settings.map(f -> SettingsFiles.load(f, base)).orElse(base);
    }

    /**
     * @return the scenario files under {@code scenarios/} ({@code *.yaml}, {@code *.yml}, {@code *.json}, any
     *         sub-folder), in path order; empty when there is no such folder
     * @throws UncheckedIOException if the folder cannot be read
     */
    public List<Path> scenarioFiles() {
        Path dir = root.resolve("scenarios");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches("(?i).*\\.(ya?ml|json)$"))
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("cannot read the scenarios folder " + dir, e);
        }
    }
}
