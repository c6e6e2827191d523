package dev.custflow.dsl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.custflow.model.PublicHolidays;
import dev.custflow.RuleMessage;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.settings.Settings;
import dev.custflow.text.Wording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads settings files: JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}), any subset of
 * the keys of {@link Settings}, merged over a base, as sections or as dotted keys
 * ({@code scoring.channelPoints.WECHAT: 10}, at the top or inside a section). Errors name the file, the line of the key and
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
        if (!tree.isObject()) {
            throw new InvalidSettingsException("(root)", null, "expected an object of settings").at(name + ":1");
        }
        resolveHolidayFiles(tree, file);
        Settings.Builder settings = Settings.from(base);
        // in file order: a section as a whole, or one dotted key (scoring.channelPoints.WECHAT: 10), as a scenario's
        // settings block and whatif write them; a dotted key into a table sets that one row and keeps the others
        Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().contains(".")) {
                setDotted(settings, f.getKey(), f.getValue(), text, yaml, name);
            } else if (f.getValue().isObject() && hasDottedKey(f.getValue())) {
                Iterator<Map.Entry<String, JsonNode>> inner = f.getValue().fields();
                while (inner.hasNext()) {
                    Map.Entry<String, JsonNode> g = inner.next();
                    String key = f.getKey() + "." + g.getKey();
                    if (g.getKey().contains(".")) {
                        setDotted(settings, key, g.getValue(), text, yaml, name);
                    } else {
                        merge(settings, JSON.createObjectNode().set(f.getKey(),
                                JSON.createObjectNode().set(g.getKey(), g.getValue())), text, yaml, name);
                    }
                }
            } else {
                merge(settings, JSON.createObjectNode().set(f.getKey(), f.getValue()), text, yaml, name);
            }
        }
        return settings.build();
    }

    private static boolean hasDottedKey(JsonNode object) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            if (names.next().contains(".")) {
                return true;
            }
        }
        return false;
    }

    private static void merge(Settings.Builder settings, JsonNode part, String text, boolean yaml, String name) {
        try {
            settings.merge(part, name);
        } catch (InvalidSettingsException e) {
            int line = lineOf(text, e.key(), yaml);
            throw e.at(line > 0 ? name + ":" + line : name);
        }
    }

    private static void setDotted(Settings.Builder settings, String key, JsonNode value, String text, boolean yaml,
                                  String name) {
        try {
            settings.set(key, value);
        } catch (InvalidSettingsException e) {
            int line = lineOfDotted(text, key.substring(key.indexOf('.') + 1), yaml);
            if (line == 0) {
                line = lineOfDotted(text, key, yaml);
            }
            throw e.at(line > 0 ? name + ":" + line : name);
        }
    }

    /** Finds the line of a key written with its dots (0 when not found). */
    static int lineOfDotted(String text, String key, boolean yaml) {
        Pattern p = Pattern.compile(yaml ? "^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:"
                : "\"" + Pattern.quote(key) + "\"\\s*:");
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Tables in a settings file replace the default table whole: {@code channelPoints: {WECHAT: 10}} leaves out every
     * other channel. Lint warns about it, since an author who means one row usually expects the others to stay.
     *
     * @param file a settings file that loads over the defaults
     * @param name the file as lint names it
     * @param w    the reader's language
     * @return a warning at each table that leaves out rows of the default table
     */
    static List<RuleMessage> replacedTables(Path file, String name, Wording w) {
        String text;
        JsonNode written;
        boolean yaml = file.toString().toLowerCase(Locale.ROOT).matches(".*\\.ya?ml$");
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
            written = (yaml ? YAML : JSON).readTree(text);
        } catch (IOException e) {
            return List.of(); // loading reports it
        }
        JsonNode defaults;
        JsonNode loaded;
        try {
            defaults = JSON.readTree(Settings.ofDefaults().toJson());
            loaded = JSON.readTree(load(file, Settings.ofDefaults()).toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RuleMessage> out = new ArrayList<>();
        replacedTables(written, defaults, loaded, "", text, yaml, name, out, w);
        return out;
    }

    private static void replacedTables(JsonNode written, JsonNode defaults, JsonNode loaded, String prefix,
                                       String text, boolean yaml, String name, List<RuleMessage> out,
                                       Wording w) {
        if (written == null || !written.isObject() || defaults == null || !defaults.isObject() || loaded == null) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = written.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().contains(".") || !f.getValue().isObject()) {
                continue; // a dotted key sets one row and keeps the others
            }
            String key = prefix + f.getKey();
            JsonNode d = defaults.get(f.getKey());
            JsonNode l = loaded.get(f.getKey());
            if (d == null || !d.isObject() || l == null || !l.isObject()) {
                continue;
            }
            List<String> gone = new ArrayList<>();
            d.fieldNames().forEachRemaining(k -> {
                if (!l.has(k)) {
                    gone.add(k);
                }
            });
            if (gone.isEmpty()) {
                replacedTables(f.getValue(), d, l, key + ".", text, yaml, name, out, w);
                continue;
            }
            String row = f.getValue().fieldNames().hasNext() ? f.getValue().fieldNames().next() : gone.get(0);
            JsonNode value = f.getValue().has(row) ? f.getValue().get(row) : d.get(row);
            out.add(new RuleMessage(name, Math.max(1, lineOf(text, key, yaml)), 1, RuleMessage.Severity.WARNING,
                    w.text("settings.tableReplaced", key, String.join(", ", gone), key + "." + row + ": " + value)));
        }
    }

    /** Holiday files named relative to the settings file are read from beside it, wherever the host runs. */
    private static void resolveHolidayFiles(JsonNode tree, Path file) {
        JsonNode list = tree.path("calendars").path("holidays");
        if (!list.isArray()) {
            list = tree.path("calendars.holidays"); // the same key written with its dot
        }
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
