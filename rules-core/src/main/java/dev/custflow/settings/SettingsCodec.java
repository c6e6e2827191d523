package dev.custflow.settings;

import dev.custflow.text.Suggest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Settings to and from JSON trees, with key checks against the record structure. */
final class SettingsCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SettingsCodec() {
    }

    static JsonNode toTree(Settings s) {
        return MAPPER.valueToTree(s);
    }

    static String toJson(Settings s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json, String source) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSettingsException("(" + source + ")", null,
                    "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    static JsonNode set(JsonNode tree, String key, Object value) {
        ObjectNode patch = MAPPER.createObjectNode();
        String[] parts = key.split("\\.");
        ObjectNode cur = patch;
        JsonNode current = tree;
        Class<?> type = Settings.class;
        for (int i = 0; i < parts.length - 1; i++) {
            RecordComponent c = component(type, parts[i]);
            current = current == null ? null : current.get(parts[i]);
            if (c != null && Map.class.isAssignableFrom(c.getType())) {
                // a key into a table sets that one entry and keeps the rest (merge replaces a table whole);
                // the entry's name is the rest of the key, dots included ("Sr. Manager")
                ObjectNode table = current != null && current.isObject() ? ((ObjectNode) current).deepCopy()
                        : MAPPER.createObjectNode();
                table.set(String.join(".", Arrays.copyOfRange(parts, i + 1, parts.length)), MAPPER.valueToTree(value));
                cur.set(parts[i], table);
                return merge(tree, patch, "");
            }
            type = c == null ? Object.class : c.getType(); // merge reports an unknown key
            cur = cur.putObject(parts[i]);
        }
        cur.set(parts[parts.length - 1], MAPPER.valueToTree(value));
        return merge(tree, patch, "");
    }

    /** Deep-merges {@code overrides} into a copy of {@code base}; every key must exist unless the target is a map. */
    static JsonNode merge(JsonNode base, JsonNode overrides, String prefix) {
        if (!overrides.isObject()) {
            throw new InvalidSettingsException(prefix.isEmpty() ? "(root)" : prefix, overrides,
                    "expected an object of settings");
        }
        ObjectNode out = ((ObjectNode) base).deepCopy();
        mergeInto(out, overrides, prefix, Settings.class);
        return out;
    }

    private static void mergeInto(ObjectNode target, JsonNode overrides, String prefix, Class<?> type) {
        Iterator<Map.Entry<String, JsonNode>> it = overrides.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            RecordComponent component = component(type, e.getKey());
            if (component == null) {
                throw new InvalidSettingsException(key, null, "unknown key" + suggest(type, e.getKey()));
            }
            Class<?> ct = component.getType();
            if (ct.isRecord() && e.getValue().isObject()) {
                mergeInto((ObjectNode) target.get(e.getKey()), e.getValue(), key, ct);
            } else { // a value, a list or a table (map): replaced as a whole
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static RecordComponent component(Class<?> type, String name) {
        if (!type.isRecord()) {
            return null;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String suggest(Class<?> type, String name) {
        if (!type.isRecord()) {
            return "";
        }
        List<String> known = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            known.add(c.getName());
        }
        return Suggest.closest(name, known).map(best -> ". Did you mean '" + best + "'?")
                .orElse("; known keys here: " + String.join(", ", known));
    }

    static Settings bind(JsonNode tree) {
        try {
            return MAPPER.treeToValue(tree, Settings.class);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof InvalidSettingsException ise) {
                throw ise;
            }
            throw new InvalidSettingsException(path(e), null, e.getOriginalMessage());
        } catch (UnrecognizedPropertyException e) {
            // a key inside a list item ({from: 10, pionts: 5}): merge only checks the keys of records
            List<String> known = new ArrayList<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            throw new InvalidSettingsException(path(e), null, "unknown key" + Suggest.closest(e.getPropertyName(), known)
                    .map(best -> ". Did you mean '" + best + "'?").orElse("; known keys here: " + String.join(", ", known)));
        } catch (MismatchedInputException e) {
            throw new InvalidSettingsException(path(e), null, "wrong kind of value: " + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new InvalidSettingsException(path(e), null, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidSettingsException("(settings)", null, e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof InvalidSettingsException ise) {
                throw ise;
            }
            throw new InvalidSettingsException("(settings)", null, e.getMessage());
        }
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() > 0 ? "." : "").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(settings)" : sb.toString();
    }
}
