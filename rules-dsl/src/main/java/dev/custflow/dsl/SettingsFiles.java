package dev.custflow.dsl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.custflow.model.PublicHolidays;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads settings files: JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}), any subset of
 * the keys of {@link Settings}, merged over a base. Errors name the file, the line of the key and
 * the key, with a suggestion for a misspelt one.
 */
public final class SettingsFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private SettingsFiles() {
    }

    /**
     * @param file a settings file
     * @param base the settings it overrides
     * @return the merged settings
     * @throws InvalidSettingsException naming file, line and key when a key is unknown or a value does not fit
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Settings load(Path file, Settings base) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the settings file " + file, e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark, as some Windows editors write; JSON does not allow it
        }
        String name = file.toString();
        boolean yaml = name.toLowerCase(Locale.ROOT).endsWith(".yaml") || name.toLowerCase(Locale.ROOT).endsWith(".yml");
        JsonNode tree;
        try {
            tree = (yaml ? YAML : JSON).readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidSettingsException("(file)", null, "not valid " + (yaml ? "YAML" : "JSON") + ": "
                    + e.getOriginalMessage()).at(name + ":" + e.getLocation().getLineNr());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return base; // an empty file changes nothing
        }
        resolveHolidayFiles(tree, file);
        try {
            return Settings.from(base).merge(tree, name).build();
        } catch (InvalidSettingsException e) {
            int line = lineOf(text, e.key(), yaml);
            String where = line > 0 ? name + ":" + line : name;
            throw e.at(where);
        }
    }

    /** Holiday files named relative to the settings file are read from beside it, wherever the host runs. */
    private static void resolveHolidayFiles(JsonNode tree, Path file) {
        JsonNode list = tree.path("calendars").path("holidays");
        if (!list.isArray()) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        com.fasterxml.jackson.databind.node.ArrayNode entries = (com.fasterxml.jackson.databind.node.ArrayNode) list;
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).asText();
            if (entries.get(i).isTextual() && !entry.equalsIgnoreCase(PublicHolidays.CN_MAINLAND) && !entry.isBlank()
                    && !Path.of(entry).isAbsolute() && dir != null) {
                entries.set(i, entries.textNode(dir.resolve(entry).normalize().toString()));
            }
        }
    }

    /** Finds the line that sets the last part of a dotted key (0 when not found). */
    static int lineOf(String text, String key, boolean yaml) {
        String[] parts = key.split("\\.");
        String last = parts[parts.length - 1].replaceAll("\\[\\d+]$", "");
        Pattern p = Pattern.compile(yaml ? "^\\s*[\"']?" + Pattern.quote(last) + "[\"']?\\s*:"
                : "\"" + Pattern.quote(last) + "\"\\s*:");
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 0;
    }
}
