package dev.custflow.dsl;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.settings.Settings;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.Scenario;
import dev.custflow.text.Instants;
import dev.custflow.text.Suggest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenario files ({@code scenarios/*.yaml}, {@code *.yml}, {@code *.json} of a rules folder) into
 * {@link Scenario}s, the form {@link dev.custflow.test.RuleVerifier} builds in Java. The format is in
 * docs/scenarios.md. Events are read by the JSON contract's own codec, so a bad event is reported as
 * {@code custflow replay} reports it, with the file's line and the field's path.
 */
public final class ScenarioFiles {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final List<String> KEYS = List.of("name", "description", "packs", "settings", "given", "when",
            "advanceTo", "steps", "expect", "others");
    private static final Map<String, Set<String>> ACTION_FIELDS = actionFields();

    private ScenarioFiles() {
    }

    /**
     * @param file a scenario file ({@code .yaml}, {@code .yml} or {@code .json})
     * @param name the file as messages and reports name it, e.g. {@code scenarios/dormancy.yaml}
     * @return its scenarios, in file order
     * @throws InvalidScenarioException naming file, line and field when the file is not a valid scenario file
     * @throws UncheckedIOException     if it cannot be read
     */
    public static List<Scenario> read(Path file, String name) {
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenario file " + file, e);
        }
    }

    /**
     * @param text the content of a scenario file (a byte-order mark at its start is ignored)
     * @param name its name; a name ending in {@code .json} is read as JSON, any other as YAML
     * @return its scenarios, in file order
     * @throws InvalidScenarioException naming file, line and field when it is not a valid scenario file
     */
    public static List<Scenario> read(String text, String name) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark, as some Windows editors write; JSON does not allow it
        }
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        Node root;
        try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
            root = p.nextToken() == null ? null : Node.read(p, 0, new HashMap<>());
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Reader r = new Reader(name);
        if (root == null || root.json.isNull()) {
            throw new InvalidScenarioException(name, 0, null, "the file holds no scenario; start it with 'name:'");
        }
        List<Node> list;
        String prefix;
        if (root.items != null) {
            list = root.items;
            prefix = "";
        } else if (root.fields != null && root.fields.containsKey("scenarios") && !root.fields.containsKey("name")) {
            r.onlyKeys(root, List.of("scenarios"), "");
            list = r.list(root.fields.get("scenarios"), "scenarios");
            prefix = "scenarios";
        } else {
            return List.of(r.scenario(root, ""));
        }
        if (list.isEmpty()) {
            throw new InvalidScenarioException(name, root.line, null, "the file holds no scenario");
        }
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(r.scenario(list.get(i), prefix + "[" + (i + 1) + "]."));
        }
        return out;
    }

    /** Reads one file's scenarios, naming the file in every error. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        Scenario scenario(Node n, String path) {
            if (n.fields == null) {
                throw error(n, path.isEmpty() ? null : path.substring(0, path.length() - 1),
                        "a scenario is a map with name, given and expect (docs/scenarios.md)");
            }
            onlyKeys(n, KEYS, path);
            Node name = n.fields.get("name");
            if (name == null || !name.json.isTextual() || name.json.asText().isBlank()) {
                throw error(name == null ? n : name, path + "name", "every scenario needs a name: what it shows");
            }
            Scenario.Builder b = Scenario.builder(name.json.asText().strip()).source(file + ":" + n.line);
            Node packs = n.fields.get("packs");
            if (packs != null) {
                b.packs(packs(packs, path + "packs"));
            }
            Node settings = n.fields.get("settings");
            if (settings != null) {
                settings(settings, path + "settings").forEach(b::setting);
            }
            Node given = n.fields.get("given");
            if (given != null) {
                b.given(events(given, path + "given"));
            }
            Node steps = n.fields.get("steps");
            if (steps != null && (n.fields.containsKey("when") || n.fields.containsKey("advanceTo"))) {
                throw error(steps, path + "steps", "write the steps either as 'when' and 'advanceTo' or as a list "
                        + "of 'steps', not both");
            }
            if (n.fields.containsKey("when")) {
                b.when(events(n.fields.get("when"), path + "when"));
            }
            if (n.fields.containsKey("advanceTo")) {
                b.advanceTo(instant(n.fields.get("advanceTo"), path + "advanceTo"));
            }
            if (steps != null) {
                List<Node> list = list(steps, path + "steps");
                for (int i = 0; i < list.size(); i++) {
                    step(b, list.get(i), path + "steps[" + (i + 1) + "]");
                }
            }
            if (given == null && steps == null && !n.fields.containsKey("when")) {
                throw error(n, path + "given", "every scenario needs events: 'given' (and optionally 'when', "
                        + "'advanceTo' or 'steps')");
            }
            Node expect = n.fields.get("expect");
            if (expect == null) {
                throw error(n, path + "expect", "say what the scenario expects: a list of actions, or 'expect: none'");
            }
            b.expect(expected(expect, path + "expect"));
            Node others = n.fields.get("others");
            if (others != null) {
                String o = others.json.asText();
                if (!others.json.isTextual() || !List.of("allowed", "forbidden").contains(o)) {
                    throw error(others, path + "others", "'" + others.json.asText() + "': must be 'allowed' (actions "
                            + "besides the expected ones are fine) or 'forbidden' (the default)");
                }
                b.othersAllowed(o.equals("allowed"));
            }
            return b.build();
        }

        private void step(Scenario.Builder b, Node n, String path) {
            if (n.fields == null || n.fields.size() != 1
                    || !(n.fields.containsKey("when") || n.fields.containsKey("advanceTo"))) {
                throw error(n, path, "a step is either 'when: [events]' or 'advanceTo: <instant>'");
            }
            if (n.fields.containsKey("when")) {
                b.when(events(n.fields.get("when"), path + ".when"));
            } else {
                b.advanceTo(instant(n.fields.get("advanceTo"), path + ".advanceTo"));
            }
        }

        private List<Event> events(Node n, String path) {
            List<Node> items = list(n, path);
            List<Event> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Node e = items.get(i);
                String at = path + "[" + (i + 1) + "]";
                if (e.fields == null) {
                    throw error(e, at, "an event is a map with type, id, at and its fields (docs/events.md)");
                }
                try {
                    out.add(Json.readEvent(e.json.toString(), e.line));
                } catch (EventRejectedException x) {
                    String field = x.field();
                    Node where = field == null ? e : e.fields.getOrDefault(field.split("[.\\[]")[0], e);
                    String event = x.eventType() == null ? "" : " (event " + x.eventType()
                            + (x.eventId() == null ? "" : " \"" + x.eventId() + "\"") + ")";
                    throw error(where, at + (field == null ? "" : "." + field),
                            (x.value() == null ? "" : "= " + x.value() + ": ") + x.problem().replace("\n", " ") + event);
                }
            }
            return out;
        }

        private Instant instant(Node n, String path) {
            Instant at = n.json.isTextual() ? Instants.parseOrNull(n.json.asText()) : null;
            if (at != null) {
                return at;
            }
            throw error(n, path, "= " + n.json + ": must be an ISO-8601 instant such as 2024-03-01T09:30:00Z");
        }

        private List<ExpectedAction> expected(Node n, String path) {
            if (n.json.isTextual() && n.json.asText().equals("none")) {
                return List.of();
            }
            List<Node> items = list(n, path);
            List<ExpectedAction> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Node a = items.get(i);
                String at = path + "[" + (i + 1) + "]";
                if (a.fields == null || !a.fields.containsKey("type") || !a.fields.get("type").json.isTextual()) {
                    throw error(a, at, "an expected action is a map with 'type' and the fields that matter, e.g. "
                            + "{type: STAGE_CHANGED, customerId: C1, to: DORMANT}");
                }
                Node typeNode = a.fields.get("type");
                String type = typeNode.json.asText();
                if (!ACTION_FIELDS.containsKey(type)) {
                    throw error(typeNode, at + ".type", "= " + type + ": unknown action type"
                            + suggestion(type, ACTION_FIELDS.keySet()) + "; known types: "
                            + String.join(", ", ACTION_FIELDS.keySet()));
                }
                ExpectedAction e = ExpectedAction.of(type);
                for (Map.Entry<String, Node> f : a.fields.entrySet()) {
                    if (f.getKey().equals("type")) {
                        continue;
                    }
                    String top = f.getKey().split("\\.")[0];
                    if (!ACTION_FIELDS.get(type).contains(top)) {
                        throw error(f.getValue(), at + "." + f.getKey(), type + " has no field '" + top + "'"
                                + suggestion(top, ACTION_FIELDS.get(type)) + "; its fields: "
                                + String.join(", ", ACTION_FIELDS.get(type)));
                    }
                    flatten(f.getKey(), f.getValue().json, e);
                }
                out.add(e);
            }
            return out;
        }

        /** A map under a field names sub-fields, each compared on its own (params: {percent: 10}). */
        private static void flatten(String key, JsonNode value, ExpectedAction e) {
            if (value.isObject()) {
                value.fields().forEachRemaining(f -> flatten(key + "." + f.getKey(), f.getValue(), e));
            } else {
                e.with(key, javaValue(value));
            }
        }

        private Set<RulePack> packs(Node n, String path) {
            Set<RulePack> out = EnumSet.noneOf(RulePack.class);
            List<String> names = Arrays.stream(RulePack.values()).map(RulePack::packName).toList();
            for (Node p : list(n, path)) {
                String name = p.json.asText();
                out.add(RulePack.byName(name).orElseThrow(() -> error(p, path, "= " + name + ": no such pack"
                        + suggestion(name, names) + "; the packs: " + String.join(", ", names))));
            }
            return out;
        }

        private Map<String, Object> settings(Node n, String path) {
            if (n.fields == null) {
                throw error(n, path, "settings are a map of dotted keys, e.g. {churn.noOrderDays: 45}");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            Settings.Builder check = Settings.from(Settings.ofDefaults());
            for (Map.Entry<String, Node> s : n.fields.entrySet()) {
                Object value = javaValue(s.getValue().json);
                try {
                    check.set(s.getKey(), value);
                } catch (InvalidSettingsException e) {
                    throw error(s.getValue(), path + "." + s.getKey(), e.detail());
                }
                out.put(s.getKey(), value);
            }
            return out;
        }

        List<Node> list(Node n, String path) {
            if (n == null || n.items == null) {
                throw error(n, path, "must be a list");
            }
            return n.items;
        }

        void onlyKeys(Node n, Collection<String> keys, String path) {
            for (Map.Entry<String, Node> f : n.fields.entrySet()) {
                if (!keys.contains(f.getKey())) {
                    throw error(f.getValue(), path + f.getKey(), "unknown key" + suggestion(f.getKey(), keys)
                            + "; a scenario has " + String.join(", ", keys));
                }
            }
        }

        private InvalidScenarioException error(Node n, String field, String problem) {
            String detail = field == null ? problem
                    : "field '" + field + "'" + (problem.startsWith("= ") ? " " : ": ") + problem;
            return new InvalidScenarioException(file, n == null ? 0 : n.line, field, detail);
        }
    }

    private static Object javaValue(JsonNode n) {
        if (n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isNumber()) {
            return n.isIntegralNumber() ? n.bigIntegerValue() : n.decimalValue();
        }
        return JSON.convertValue(n, Object.class);
    }

    private static String suggestion(String given, Collection<String> known) {
        return Suggest.closest(given, known).map(best -> ". Did you mean " + best + "?").orElse("");
    }

    /** The JSON fields of every action type, from the records behind them. */
    private static Map<String, Set<String>> actionFields() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (JsonSubTypes.Type t : Action.class.getAnnotation(JsonSubTypes.class).value()) {
            Set<String> fields = new LinkedHashSet<>(List.of("id", "at", "rule", "reason"));
            if (t.value().isRecord()) {
                Arrays.stream(t.value().getRecordComponents()).map(c -> c.getName()).forEach(fields::add);
            }
            out.put(t.name(), fields);
        }
        return out;
    }

    /**
     * A value of the file with the line it was written on, so errors can name it: a field's line is the line
     * of its key, a list item's the line where it starts.
     */
    private static final class Node {
        final JsonNode json;
        final int line;
        final Map<String, Node> fields;
        final List<Node> items;

        private Node(JsonNode json, int line, Map<String, Node> fields, List<Node> items) {
            this.json = json;
            this.line = line;
            this.fields = fields;
            this.items = items;
        }

        /**
         * Reads the value at the parser's current token; {@code line} 0 takes the token's own line. YAML anchors
         * ({@code &customer}) are kept in {@code anchors} and an alias ({@code *customer}) is the value it names, as
         * YAML means it; a merge key ({@code <<: *base}) adds the named map's fields that are not written here.
         */
        static Node read(JsonParser p, int line, Map<String, Node> anchors) throws IOException {
            int at = line > 0 ? line : p.currentTokenLocation().getLineNr();
            if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                String anchor = p.getText();
                Node named = anchors.get(anchor);
                if (named == null) {
                    throw new JsonParseException(p, "'*" + anchor + "' names no anchor above it: write '&" + anchor
                            + "' on the value first");
                }
                return new Node(named.json, at, named.fields, named.items);
            }
            String anchor = p instanceof YAMLParser y ? y.getObjectId() : null;
            Node n = readValue(p, at, anchors);
            if (anchor != null) {
                anchors.put(anchor, n);
            }
            return n;
        }

        private static Node readValue(JsonParser p, int at, Map<String, Node> anchors) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT) {
                ObjectNode obj = JSON.createObjectNode();
                Map<String, Node> fields = new LinkedHashMap<>();
                List<Node> merged = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    Node v = read(p, keyLine, anchors);
                    if (key.equals("<<") && p instanceof YAMLParser) {
                        merged.addAll(v.items != null ? v.items : List.of(v));
                        continue;
                    }
                    fields.put(key, v);
                    obj.set(key, v.json);
                }
                for (Node m : merged) {
                    if (m.fields == null) {
                        throw new JsonParseException(p, "'<<' merges a map into this one: name a map's anchor");
                    }
                    m.fields.forEach((k, v) -> {
                        if (!fields.containsKey(k)) {
                            fields.put(k, v);
                            obj.set(k, v.json);
                        }
                    });
                }
                return new Node(obj, at, fields, null);
            }
            if (t == JsonToken.START_ARRAY) {
                ArrayNode arr = JSON.createArrayNode();
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Node v = read(p, 0, anchors);
                    items.add(v);
                    arr.add(v.json);
                }
                return new Node(arr, at, null, items);
            }
            JsonNode scalar = p.getCodec().readTree(p);
            return new Node(scalar == null ? JSON.nullNode() : scalar, at, null, null);
        }
    }
}
