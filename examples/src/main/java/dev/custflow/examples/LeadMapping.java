package dev.custflow.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.custflow.examples.internal.YamlText;
import dev.custflow.text.Suggest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which column of a lead table is what, for {@link LeadTable}: read from a YAML file (docs/lead-scoring.md):
 *
 * <pre>{@code
 * id: 线索编号                     # optional: the lead's id (else its line)
 * outcome: 是否成交                # the outcome column ...
 * converted: [是]                  # ... and the values that mean converted
 * notConverted: [否]               # optional: the values that mean not (else every other value)
 * channel: 来源渠道                # optional: the profile fields, scored by channelPoints, regionPoints,
 * region: 省份                     #   industryPoints and titlePoints
 * industry: 行业
 * title: 职位
 * categories:                      # other text columns: column: attribute (scored by attributePoints)
 *   最近活动: lastActivity
 * numbers:                         # number columns: scored by attributeBands, in bands given or learnt
 *   网站停留秒数: {attribute: timeOnSiteSeconds, bands: [0, 60, 300, 900]}
 *   访问次数: {attribute: visits, quantiles: 5}
 * leaveOut: [备注, 客户姓名]        # optional: columns not to use (said, so that they are not reported as unused)
 * missing: [未填, Select]          # optional: cell values that mean missing, besides an empty cell
 * }</pre>
 *
 * @param source       where the mapping comes from (its file), for messages
 * @param id           the lead id column, or null
 * @param outcome      the outcome column
 * @param converted    the outcome values that mean converted (compared ignoring case)
 * @param notConverted the values that mean not converted, or empty for every other value
 * @param profile      the profile fields mapped: {@code channel}, {@code region}, {@code industry}, {@code title} to
 *                     their column
 * @param categories   other text columns, to the attribute they fill
 * @param numbers      number columns, to their attribute and bands
 * @param leaveOut     columns said not to be used
 * @param missing      cell values that mean missing, besides the empty cell
 */
public record LeadMapping(String source, String id, String outcome, List<String> converted,
                          List<String> notConverted, Map<String, String> profile, Map<String, String> categories,
                          Map<String, NumberColumn> numbers, List<String> leaveOut, List<String> missing) {

    /**
     * A number column.
     *
     * @param attribute the attribute it fills
     * @param bands     where its bands start, ascending; empty to cut it at quantiles of the calibration share
     * @param quantiles how many quantile bands to aim for when no bands are given; 0 (the default) for the
     *                  calibration's own number (deciles unless it is told otherwise)
     */
    public record NumberColumn(String attribute, List<Double> bands, int quantiles) {
        /** Copies the bands. */
        public NumberColumn {
            bands = List.copyOf(bands);
        }
    }

    private static final List<String> KEYS = List.of("id", "outcome", "converted", "notConverted", "channel",
            "region", "industry", "title", "categories", "numbers", "leaveOut", "missing");
    private static final Map<String, String> PROFILE_TABLES = Map.of("channel", "channelPoints", "region",
            "regionPoints", "industry", "industryPoints", "title", "titlePoints");
    private static final Set<String> FIELDS = Set.of("channel", "region", "industry", "title", "companysize");

    /** Copies the collections. */
    public LeadMapping {
        Objects.requireNonNull(outcome, "outcome");
        converted = List.copyOf(converted);
        notConverted = List.copyOf(notConverted);
        profile = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(profile));
        categories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        numbers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        leaveOut = List.copyOf(leaveOut);
        missing = List.copyOf(missing);
    }

    /**
     * @param file a YAML (or JSON) mapping file, UTF-8, a byte-order mark allowed
     * @return the mapping
     * @throws NoSuchFileException if there is no such file
     * @throws IOException         if it cannot be read
     * @throws DataFileException   naming the file, the line of the key and what is wrong with it: an unknown key,
     *                             no outcome, a column given two roles, an attribute named like a profile field or
     *                             twice, bands not ascending
     */
    public static LeadMapping load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no mapping file there");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new DataFileException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid YAML: " + e.getOriginalMessage());
        }
        return new Reader(file, text).read(root);
    }

    /** Reads the tree with errors that name the file and the line of the key. */
    private record Reader(Path file, String text) {
        LeadMapping read(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw error("outcome", "a mapping is a set of keys (" + String.join(", ", KEYS) + "); at least "
                        + "outcome: COLUMN and converted: [VALUE]");
            }
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!KEYS.contains(k)) {
                    throw error(k, "'" + k + "' is not a key of a mapping" + Suggest.closest(k, KEYS)
                            .map(s -> ". Did you mean '" + s + "'?")
                            .orElse("; the keys are " + String.join(", ", KEYS)));
                }
            }
            String outcome = text(root, "outcome", true);
            List<String> converted = list(root, "converted");
            if (converted.isEmpty()) {
                throw error("converted", "converted: needs the outcome values that mean converted, e.g. "
                        + "converted: [1, Yes, 是]");
            }
            Map<String, String> profile = new LinkedHashMap<>();
            for (String field : List.of("channel", "region", "industry", "title")) {
                String column = text(root, field, false);
                if (column != null) {
                    profile.put(field, column);
                }
            }
            Map<String, String> categories = new LinkedHashMap<>();
            JsonNode cat = root.get("categories");
            if (cat != null && cat.isArray()) {
                cat.forEach(c -> categories.put(c.asText().strip(), c.asText().strip()));
            } else if (cat != null && cat.isObject()) {
                cat.fields().forEachRemaining(e -> categories.put(e.getKey().strip(), e.getValue().isNull()
                        || e.getValue().asText().isBlank() ? e.getKey().strip() : e.getValue().asText().strip()));
            } else if (cat != null && !cat.isNull()) {
                throw error("categories", "categories: is a list of columns, or column: attribute lines");
            }
            Map<String, NumberColumn> numbers = new LinkedHashMap<>();
            JsonNode num = root.get("numbers");
            if (num != null && num.isArray()) {
                num.forEach(c -> numbers.put(c.asText().strip(), new NumberColumn(c.asText().strip(), List.of(), 0)));
            } else if (num != null && num.isObject()) {
                num.fields().forEachRemaining(e -> numbers.put(e.getKey().strip(), number(e.getKey().strip(),
                        e.getValue())));
            } else if (num != null && !num.isNull()) {
                throw error("numbers", "numbers: is a list of columns, or column: {attribute: NAME, bands: [...]} "
                        + "lines");
            }
            LeadMapping m = new LeadMapping(file.toString(), text(root, "id", false), outcome, converted,
                    list(root, "notConverted"), profile, categories, numbers, list(root, "leaveOut"),
                    list(root, "missing"));
            check(m);
            return m;
        }

        private NumberColumn number(String column, JsonNode spec) {
            if (spec == null || spec.isNull()) {
                return new NumberColumn(column, List.of(), 0);
            }
            if (spec.isTextual()) {
                return new NumberColumn(spec.asText().strip(), List.of(), 0);
            }
            if (!spec.isObject()) {
                throw error(column, "the number column '" + column + "' takes {attribute: NAME, bands: [0, 60, 300]}"
                        + " or {quantiles: 5}");
            }
            for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!List.of("attribute", "bands", "quantiles").contains(k)) {
                    throw error(column, "the number column '" + column + "' has the key '" + k + "'; its keys are "
                            + "attribute, bands and quantiles");
                }
            }
            String attribute = spec.hasNonNull("attribute") ? spec.get("attribute").asText().strip() : column;
            List<Double> bands = new ArrayList<>();
            JsonNode b = spec.get("bands");
            if (b != null && !b.isNull()) {
                if (!b.isArray() || b.isEmpty()) {
                    throw error(column, "the bands of '" + column + "' are a list of where each band starts, e.g. "
                            + "bands: [0, 60, 300]");
                }
                for (JsonNode x : b) {
                    if (!x.isNumber() || !Double.isFinite(x.asDouble())) {
                        throw error(column, "the bands of '" + column + "' must be numbers; '" + x.asText()
                                + "' is not one");
                    }
                    if (!bands.isEmpty() && x.asDouble() <= bands.get(bands.size() - 1)) {
                        throw error(column, "the bands of '" + column + "' must go up: " + x.asText()
                                + " follows " + YamlText.number(bands.get(bands.size() - 1)));
                    }
                    bands.add(x.asDouble());
                }
            }
            int quantiles = 0;
            if (spec.has("quantiles")) {
                JsonNode q = spec.get("quantiles");
                if (!q.canConvertToInt() || !q.isIntegralNumber() || q.asInt() < 1 || q.asInt() > 100) {
                    throw error(column, "quantiles of '" + column + "' must be a whole number from 1 to 100, got "
                            + q.asText());
                }
                if (!bands.isEmpty()) {
                    throw error(column, "give '" + column + "' bands or quantiles, not both");
                }
                quantiles = q.asInt();
            }
            return new NumberColumn(attribute, bands, quantiles);
        }

        private void check(LeadMapping m) {
            Map<String, String> roles = new LinkedHashMap<>();
            role(roles, m.outcome(), "outcome");
            if (m.id() != null) {
                role(roles, m.id(), "id");
            }
            m.profile().forEach((field, column) -> role(roles, column, field));
            m.categories().keySet().forEach(c -> role(roles, c, "categories"));
            m.numbers().keySet().forEach(c -> role(roles, c, "numbers"));
            for (String c : m.leaveOut()) {
                if (roles.containsKey(c)) {
                    throw error(c, "the column '" + c + "' is in leaveOut but also mapped (" + roles.get(c) + ")");
                }
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            m.categories().forEach((c, a) -> attribute(attributes, a, c));
            m.numbers().forEach((c, n) -> attribute(attributes, n.attribute(), c));
        }

        private void role(Map<String, String> roles, String column, String role) {
            String before = roles.put(column, role);
            if (before != null) {
                throw error(column, "the column '" + column + "' is mapped twice (" + before + " and " + role
                        + "); give each column one role");
            }
        }

        private void attribute(Map<String, String> attributes, String attribute, String column) {
            if (attribute.isEmpty()) {
                throw error(column, "the column '" + column + "' needs an attribute name");
            }
            String key = attribute.toLowerCase(Locale.ROOT);
            if (FIELDS.contains(key)) {
                throw error(column, "'" + attribute + "' (column '" + column + "') is a profile field, not an "
                        + "attribute: map the column with " + (key.equals("companysize") ? "a number attribute of "
                        + "another name" : key + ": " + column));
            }
            String before = attributes.put(key, column);
            if (before != null) {
                throw error(column, "the columns '" + before + "' and '" + column + "' both fill the attribute '"
                        + attribute + "' (names ignore case); give each its own");
            }
        }

        private String text(JsonNode root, String key, boolean required) {
            JsonNode n = root.get(key);
            if (n == null || n.isNull() || n.asText().isBlank()) {
                if (required) {
                    throw error(key, key + ": is required: the column that says whether a lead converted");
                }
                return null;
            }
            if (!n.isValueNode()) {
                throw error(key, key + ": takes one column name");
            }
            return n.asText().strip();
        }

        private List<String> list(JsonNode root, String key) {
            JsonNode n = root.get(key);
            List<String> out = new ArrayList<>();
            if (n == null || n.isNull()) {
                return out;
            }
            if (n.isValueNode()) {
                out.add(n.asText().strip());
            } else if (n.isArray()) {
                n.forEach(v -> out.add(v.asText().strip()));
            } else {
                throw error(key, key + ": takes a list, e.g. ["
                        + (key.equals("missing") ? "未填, Select" : "是, 1") + "]");
            }
            return out;
        }

        /** The first line that has the key (or the column) before a colon; 1 when none has. */
        private DataFileException error(String key, String problem) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.startsWith(key + ":") || l.startsWith("\"" + key + "\"") || l.startsWith("'" + key + "'")
                        || l.startsWith("- " + key) || l.contains("[" + key) || l.contains(" " + key + ",")
                        || l.contains(" " + key + "]")) {
                    return new DataFileException(file, i + 1, problem);
                }
            }
            return new DataFileException(file, 1, problem);
        }
    }

    /** @return every column the mapping reads */
    public List<String> columns() {
        List<String> out = new ArrayList<>();
        if (id != null) {
            out.add(id);
        }
        out.add(outcome);
        out.addAll(profile.values());
        out.addAll(categories.keySet());
        out.addAll(numbers.keySet());
        return out;
    }

    /**
     * @param column a column the mapping reads
     * @return its role, for messages: {@code outcome}, {@code region}, {@code categories}...
     */
    public String roleOf(String column) {
        if (column.equals(outcome)) {
            return "outcome";
        }
        if (column.equals(id)) {
            return "id";
        }
        for (Map.Entry<String, String> e : profile.entrySet()) {
            if (e.getValue().equals(column)) {
                return e.getKey();
            }
        }
        return categories.containsKey(column) ? "categories" : "numbers";
    }

    /**
     * @param header a column of the table
     * @return true if the mapping reads it or leaves it out on purpose (ignoring case and spaces)
     */
    public boolean mentions(String header) {
        String h = squeeze(header);
        return columns().stream().anyMatch(c -> squeeze(c).equals(h)) || leaveOut.stream()
                .anyMatch(c -> squeeze(c).equals(h));
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /**
     * @param cell a cell's text
     * @return true if it means missing: empty, or one of {@link #missing()} (ignoring case)
     */
    public boolean missing(String cell) {
        String v = cell == null ? "" : cell.strip();
        return v.isEmpty() || missing.stream().anyMatch(v::equalsIgnoreCase);
    }

    /**
     * @param cell an outcome cell
     * @return true for converted, false for not, null when missing or (with {@link #notConverted()}) neither
     */
    public Boolean converted(String cell) {
        if (missing(cell)) {
            return null;
        }
        String v = cell.strip();
        if (converted.stream().anyMatch(v::equalsIgnoreCase)) {
            return true;
        }
        return notConverted.isEmpty() || notConverted.stream().anyMatch(v::equalsIgnoreCase) ? false : null;
    }

    /** @return the outcome values, for messages: {@code converted: 是; not converted: 否} */
    public String outcomeValues() {
        return "converted: " + String.join(", ", converted) + "; not converted: "
                + (notConverted.isEmpty() ? "any other value" : String.join(", ", notConverted));
    }

    /** @return the scored columns and their tables, in the order: profile fields, categories, numbers */
    public List<LeadTable.Feature> features() {
        List<LeadTable.Feature> out = new ArrayList<>();
        profile.forEach((field, column) -> out.add(new LeadTable.Feature(column, PROFILE_TABLES.get(field), List.of(),
                0)));
        categories.forEach((column, attribute) -> out.add(new LeadTable.Feature(column, LeadTable.ATTRIBUTE_POINTS
                + attribute, List.of(), 0)));
        numbers.forEach((column, n) -> out.add(new LeadTable.Feature(column, LeadTable.ATTRIBUTE_BANDS
                + n.attribute(), n.bands(), n.quantiles())));
        return out;
    }
}
