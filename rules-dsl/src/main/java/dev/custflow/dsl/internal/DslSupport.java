package dev.custflow.dsl.internal;

import dev.custflow.text.Suggest;

import dev.custflow.RuleMessage;
import dev.custflow.RuleSource;
import dev.custflow.model.Channel;
import dev.custflow.model.Level;
import dev.custflow.action.TaskKind;
import dev.custflow.action.Template;
import dev.custflow.model.Review;
import dev.custflow.model.Segment;
import dev.custflow.model.Stage;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.parser.lang.dsl.DSLMappingEntry;
import org.drools.drl.parser.lang.dsl.DefaultExpander;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;

/**
 * What Custflow adds to Drools' DSL support, before the rules are compiled:
 * <ul>
 *   <li>rules with {@code .dslr} files and no {@code .dsl} of their own get the built-in business
 *       language ({@code dev/custflow/dsl/custflow-en.dsl} and {@code custflow-zh.dsl});</li>
 *   <li>every line of a rule in a {@code .dslr} must be one whole sentence of the DSL. Drools
 *       expands a line that only partly matches a sentence and leaves an unknown line as it is,
 *       so the DRL parser reports something unrelated; here such a line is an error with its file,
 *       line and the closest sentences, and the file is not given to Drools;</li>
 *   <li>values that name a constant (a stage, a level...) are checked, with a suggestion;</li>
 *   <li>time sentences (marked {@code # wake:} in the DSL) get a wake-up rule, so "no order for 60
 *       days" fires on the 60th day although nothing happens to the customer.</li>
 * </ul>
 */
public final class DslSupport {
    /** The built-in business language, English and Chinese. */
    public static final List<String> BUILT_IN = List.of("dev/custflow/dsl/custflow-en.dsl",
            "dev/custflow/dsl/custflow-zh.dsl");
    /** The name of the generated source with the wake-up rule and the globals the sentences use. */
    static final String SUPPORT_NAME = "dev/custflow/dsl/dsl-support.drl";

    private static final Pattern WAKE = Pattern.compile("^#\\s*wake:\\s*(.+)$");
    private static final Pattern ENTRY_KEY = Pattern.compile("^\\[[^]]*](?:\\[[^]]*])?(.*?)(?<!\\\\)=");
    private static final Pattern TYPED_VARIABLE = Pattern.compile("\\{(\\w+):[^}]*}");
    private static final Pattern BLOCK = Pattern.compile("^(rule|query|when|then|end)\\b\\s*(.*)$");
    /** Values that must name a constant, by the variable's name in the built-in DSL. */
    private static final Map<String, Enum<?>[]> CONSTANTS = Map.of("stage", Stage.values(), "segment",
            Segment.values(), "level", Level.values(), "kind", TaskKind.values(), "template", Template.values(),
            "via", Channel.values(), "review", Review.values());
    private static final Map<String, String> CONSTANT_NAMES = Map.of("stage", "stage", "segment", "segment",
            "level", "level", "kind", "task kind", "template", "message template", "via", "message channel",
            "review", "review");

    private DslSupport() {
    }

    /**
     * @param sources the user's rule sources, with their DSL and DSLR files
     * @param errors  the errors of the files that were left out
     */
    public record Prepared(List<RuleSource> sources, List<RuleMessage> errors) {
    }

    /** A DSL sentence: Drools' entry, how authors read it, and the wake-up statement of a time sentence. */
    private record Sentence(DSLMappingEntry entry, String text, String wake, Optional<Spacing> spacing) {
    }

    /**
     * @param user the user's rule sources
     * @return the sources to compile: the DSLR files with a line no sentence matches are left out (and
     *         reported), the built-in DSL added when needed, and the support rules when there are DSLR files
     */
    public static Prepared prepare(List<RuleSource> user) {
        if (user.stream().noneMatch(s -> s.kind() == RuleSource.Kind.DSLR)) {
            return new Prepared(user, List.of());
        }
        List<RuleSource> out = new ArrayList<>(user);
        List<RuleSource> dsls = user.stream().filter(s -> s.kind() == RuleSource.Kind.DSL).toList();
        if (dsls.isEmpty()) {
            dsls = BUILT_IN.stream().map(r -> RuleSource.ofClasspath(r, DslSupport.class.getClassLoader())).toList();
            out.addAll(0, dsls);
        }
        Language language = language(dsls);
        List<RuleMessage> errors = new ArrayList<>();
        Set<String> wakes = new LinkedHashSet<>();
        for (RuleSource s : user) {
            if (s.kind() == RuleSource.Kind.DSLR) {
                Set<String> fileWakes = new LinkedHashSet<>();
                List<RuleMessage> found = check(s, language, fileWakes, new HashMap<>(), null);
                if (found.isEmpty()) {
                    wakes.addAll(fileWakes);
                } else {
                    errors.addAll(found);
                    out.remove(s);
                }
            }
        }
        out.add(RuleSource.drl(SUPPORT_NAME, supportRules(wakes)));
        return new Prepared(List.copyOf(out), List.copyOf(errors));
    }

    /**
     * The DRL Drools compiles from a DSLR file, for checks that read code (the sandbox, lint).
     *
     * @param dslr a DSLR file
     * @param dsls the DSL files it is expanded with
     * @return the expanded text; Drools' expander keeps one line of DRL per line of the DSLR
     */
    public static String expand(RuleSource dslr, List<RuleSource> dsls) {
        String[] lines = blankBlockComments(dslr.text()).split("\n", -1);
        Expansion expansion = new Expansion(lines, new boolean[lines.length]);
        check(dslr, language(dsls), new LinkedHashSet<>(), new HashMap<>(), expansion);
        DefaultExpander expander = new DefaultExpander();
        for (RuleSource dsl : dsls) {
            DSLTokenizedMappingFile file = new DSLTokenizedMappingFile();
            try {
                file.parseAndLoad(new StringReader(dsl.text()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            expander.addDSLMapping(file.getMapping());
        }
        String expanded = expander.expand(String.join("\n", lines));
        // Drools' expander adds a "- condition" line to the pattern above it and drops the line: put an empty line
        // back, so that every later line keeps its number
        String[] out = expanded.split("\r?\n", -1);
        List<String> aligned = new ArrayList<>();
        int o = 0;
        for (int i = 0; i < lines.length; i++) {
            aligned.add(expansion.merged()[i] ? "" : o < out.length ? out[o++] : "");
        }
        return o == out.length || o == out.length - 1 && out[o].isEmpty() ? String.join("\n", aligned) : expanded;
    }

    /** A DSLR file's lines as the expander gets them, and which of them it merges into the line above. */
    private record Expansion(String[] lines, boolean[] merged) {
    }

    /** Block comments become spaces (the expander drops them, with their line breaks). */
    private static String blankBlockComments(String text) {
        StringBuilder sb = new StringBuilder(text);
        int start = sb.indexOf("/*");
        while (start >= 0) {
            int end = sb.indexOf("*/", start + 2);
            end = end < 0 ? sb.length() : end + 2;
            for (int i = start; i < end; i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
            start = sb.indexOf("/*", end);
        }
        return sb.toString();
    }

    /**
     * @param name a source's name
     * @return true for the built-in language, which is trusted; the generated support rules are not, since the
     *         wake-up statements in them come from the folder's own DSL
     */
    public static boolean builtIn(String name) {
        return BUILT_IN.contains(name);
    }

    /** The sentences (conditions and actions) and the keywords (e.g. 当 for when) of the DSL files in use. */
    private record Language(List<Sentence> sentences, List<DSLMappingEntry> keywords) {
    }

    private static Language language(List<RuleSource> dsls) {
        List<Sentence> sentences = new ArrayList<>();
        List<DSLMappingEntry> keywords = new ArrayList<>();
        for (RuleSource dsl : dsls) {
            sentences.addAll(sentences(dsl.text(), keywords));
        }
        return new Language(List.copyOf(sentences), List.copyOf(keywords));
    }

    /**
     * Which sentence each line of the rules uses: for a test that keeps every sentence of a DSL used
     * by an example.
     *
     * @param sources DSLR files, and the DSL files they use (the built-in ones when there are none)
     * @return every sentence of the DSL files, as authors read it, with the number of lines using it
     * @throws IllegalArgumentException if a line matches no sentence
     */
    public static Map<String, Integer> usage(List<RuleSource> sources) {
        List<RuleSource> dsls = sources.stream().filter(s -> s.kind() == RuleSource.Kind.DSL).toList();
        if (dsls.isEmpty()) {
            dsls = BUILT_IN.stream().map(r -> RuleSource.ofClasspath(r, DslSupport.class.getClassLoader())).toList();
        }
        Language language = language(dsls);
        Map<String, Integer> used = new LinkedHashMap<>();
        language.sentences().forEach(s -> used.put(s.text(), 0));
        for (RuleSource s : sources) {
            if (s.kind() == RuleSource.Kind.DSLR) {
                List<RuleMessage> errors = check(s, language, new LinkedHashSet<>(), used, null);
                if (!errors.isEmpty()) {
                    throw new IllegalArgumentException(errors.toString());
                }
            }
        }
        return used;
    }

    /**
     * @param dsl      the text of a DSL file
     * @param keywords receives its keywords
     * @return its sentences (conditions and actions; keywords are not sentences), in file order
     */
    private static List<Sentence> sentences(String dsl, List<DSLMappingEntry> keywords) {
        DSLTokenizedMappingFile file = new DSLTokenizedMappingFile();
        try {
            file.parseAndLoad(new StringReader(dsl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> wakeByKey = new HashMap<>();
        String wake = null;
        for (String line : dsl.split("\n")) {
            String t = line.strip();
            Matcher w = WAKE.matcher(t);
            Matcher k = ENTRY_KEY.matcher(t);
            if (w.matches()) {
                wake = w.group(1).strip();
            } else if (k.find()) {
                if (wake != null) {
                    wakeByKey.put(k.group(1).strip(), wake);
                }
                wake = null;
            }
        }
        List<Sentence> out = new ArrayList<>();
        for (DSLMappingEntry e : file.getMapping().getEntries()) {
            if (e.getSection() == DSLMappingEntry.KEYWORD) {
                keywords.add(e);
            } else {
                String key = e.getMappingKey().strip();
                out.add(new Sentence(e, display(key), wakeByKey.get(key), Spacing.of(key)));
            }
        }
        return out;
    }

    /**
     * @param key a sentence as the DSL file writes it, e.g. {@code ^\s*客户} or {@code - in stage {stage:\w+}}
     * @return it as a rule author reads it: {@code 客户}, {@code - in stage {stage}}
     */
    static String display(String key) {
        String k = TYPED_VARIABLE.matcher(key).replaceAll("{$1}");
        return k.replaceFirst("^\\^(\\\\s\\*)?", "");
    }

    /** The keywords of every DSL (e.g. 当 for when), applied as Drools applies them. */
    private static String applyKeywords(String text, List<DSLMappingEntry> keywords) {
        String t = text;
        for (DSLMappingEntry k : keywords) {
            t = k.getKeyPattern().matcher(t).replaceAll(Matcher.quoteReplacement(k.getValuePattern()));
        }
        return t;
    }

    /**
     * @param expansion the file's lines, or null: a line whose sentence pastes a value between quotes gets the value
     *                  escaped there, so that Drools' expander writes it as a string literal
     */
    private static List<RuleMessage> check(RuleSource file, Language language, Set<String> wakes,
                                           Map<String, Integer> used, Expansion expansion) {
        List<Sentence> sentences = language.sentences();
        String[] original = file.text().split("\n", -1);
        String[] lines = applyKeywords(file.text(), language.keywords()).split("\n", -1);
        List<RuleMessage> out = new ArrayList<>();
        if (lines.length != original.length) { // a keyword that spans lines: check the text as written
            lines = original;
        }
        String block = null;
        boolean pattern = false;
        Set<String> ruleWakes = new LinkedHashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            int column = line.length() - line.stripLeading().length() + 1;
            Matcher b = BLOCK.matcher(t);
            if (b.matches()) {
                block = b.group(1);
                pattern = false;
                if (block.equals("end")) {
                    wakes.addAll(ruleWakes);
                    ruleWakes.clear();
                    block = null;
                } else if ((block.equals("when") || block.equals("then")) && !b.group(2).isEmpty()) {
                    out.add(error(file, i + 1, column, "'" + original[i].strip().split("\\s+")[0] + "' stands on "
                            + "a line of its own: put '" + b.group(2) + "' on the next line, one sentence a line"));
                }
                continue;
            }
            boolean lhs = "when".equals(block);
            if (!lhs && !"then".equals(block) || t.isEmpty() || t.startsWith("//") || t.startsWith(">")) {
                continue;
            }
            if (t.startsWith("#")) {
                out.add(error(file, i + 1, column, "'#' does not start a comment inside a rule: write '//' instead"));
                continue;
            }
            List<Sentence> candidates = sentences.stream().filter(s -> lhs
                    ? s.entry().getSection() != DSLMappingEntry.CONSEQUENCE
                    : s.entry().getSection() != DSLMappingEntry.CONDITION).toList();
            Sentence match = null;
            Matcher m = null;
            for (Sentence s : candidates) {
                Matcher mm = s.entry().getKeyPattern().matcher(t);
                if (mm.matches()) {
                    match = s;
                    m = mm;
                    break;
                }
            }
            String written = line;
            if (match == null) { // Chinese written without spaces: the sentence in its own spacing
                String asWritten = t;
                for (Sentence s : candidates) {
                    Optional<Map<String, String>> loose = s.spacing().flatMap(sp -> sp.match(asWritten));
                    String canonical = loose.map(v -> s.spacing().get().render(v)).orElse(null);
                    Matcher mm = canonical == null ? null : s.entry().getKeyPattern().matcher(canonical);
                    if (mm != null && mm.matches() && values(s.entry(), mm).equals(loose.get())) {
                        match = s;
                        m = mm;
                        t = canonical;
                        break;
                    }
                }
            }
            if (match != null) { // a value written as its Chinese label (成交客户) is written as its name (CUSTOMER)
                String named = withNames(t, match.entry(), m);
                Matcher mm = match.entry().getKeyPattern().matcher(named);
                if (!named.equals(t) && mm.matches()) {
                    t = named;
                    m = mm;
                }
            }
            boolean rewritten = !t.equals(line.strip());
            if (rewritten) {
                line = line.substring(0, line.length() - line.stripLeading().length()) + t;
            }
            if (match == null) {
                List<String> close = Suggest.sentences(Spacing.spaced(t, vocabulary(candidates)),
                        candidates.stream().map(Sentence::text).toList(), 3);
                out.add(error(file, i + 1, column, "no sentence of the DSL matches '" + t + "'"
                        + (close.isEmpty() ? "; the sentences are listed in docs/dsl.md"
                        : ". Did you mean " + orList(close) + "?")));
                continue;
            }
            boolean constraint = t.startsWith("-");
            if (lhs && constraint && !pattern) {
                out.add(error(file, i + 1, column, "'" + t + "' adds a condition to the customer, but no line "
                        + "above names one: start the conditions with '客户' or 'There is a customer'"));
            }
            if (lhs && !constraint) {
                pattern = true;
            }
            used.merge(match.text(), 1, Integer::sum);
            Map<String, String> values = values(match.entry(), m);
            out.addAll(checkValues(file, i + 1, written, values));
            out.addAll(checkQuoting(file, i + 1, line, match, values));
            String quoted = escapeQuoted(line, t, match, m);
            if (quoted == null || !quoted.equals(line) && !lines[i].equals(original[i])) {
                out.add(error(file, i + 1, column, "a value of '" + t + "' cannot be written as text between the "
                        + "quotes its sentence puts it in: leave out quotes and backslashes"));
                quoted = "";
            }
            if (expansion != null) {
                expansion.lines()[i] = quoted.equals(line) && !rewritten ? original[i] : quoted;
                expansion.merged()[i] = t.startsWith("-");
            }
            if (match.wake() != null) {
                ruleWakes.add(substitute(match.wake(), values));
            }
        }
        return out;
    }

    private static Map<String, String> values(DSLMappingEntry entry, Matcher m) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> v : entry.getVariables().entrySet()) {
            out.put(v.getKey(), m.group(v.getValue()).strip());
        }
        return out;
    }

    private static List<RuleMessage> checkValues(RuleSource file, int line, String text, Map<String, String> values) {
        List<RuleMessage> out = new ArrayList<>();
        for (Map.Entry<String, String> v : values.entrySet()) {
            String value = v.getValue();
            int column = text.indexOf(value) + 1;
            Enum<?>[] known = CONSTANTS.get(v.getKey());
            if (known != null && Arrays.stream(known).noneMatch(k -> k.name().equals(value))) {
                String what = CONSTANT_NAMES.get(v.getKey());
                Map<String, Enum<?>> byWord = new LinkedHashMap<>();
                for (Enum<?> k : known) {
                    byWord.put(k.name(), k);
                    byWord.put(chinese(k), k);
                }
                String hint = Suggest.closest(value, List.copyOf(byWord.keySet()))
                        .map(w -> " Did you mean " + both(byWord.get(w)) + "?").orElse("");
                out.add(error(file, line, column, "unknown " + what + " '" + value + "'." + hint + " (" + what
                        + "s: " + String.join(", ", Arrays.stream(known).map(DslSupport::both).toList()) + ")"));
            }
        }
        return out;
    }

    private static Pattern placeholder(String variable) {
        return Pattern.compile("\\{" + Pattern.quote(variable) + "(?:![^}]*)?}");
    }

    /** A value the sentence pastes as code cannot hold quotes: escaped, it would no longer be the same code. */
    private static List<RuleMessage> checkQuoting(RuleSource file, int line, String text, Sentence s,
                                                  Map<String, String> values) {
        List<RuleMessage> out = new ArrayList<>();
        for (Map.Entry<String, String> v : values.entrySet()) {
            QuotedValues.Use use = QuotedValues.use(s.entry().getMappingValue() + "\n" + (s.wake() == null ? ""
                    : s.wake()), placeholder(v.getKey()));
            boolean code = use == QuotedValues.Use.CODE || use == QuotedValues.Use.BOTH;
            if (code && QuotedValues.needsEscape(v.getValue())) {
                out.add(error(file, line, text.indexOf(v.getValue()) + 1, "'" + v.getValue() + "' cannot contain "
                        + "quotes or a backslash: the sentence '" + s.text() + "' writes {" + v.getKey() + "} as code"));
            }
        }
        return out;
    }

    /**
     * @return the line with each value its sentence pastes only between quotes escaped (the line itself if none
     *         needs it), or null if the escaped line would no longer be that sentence
     */
    private static String escapeQuoted(String line, String stripped, Sentence s, Matcher m) {
        StringBuilder out = new StringBuilder(stripped);
        List<Map.Entry<String, Integer>> groups = new ArrayList<>(s.entry().getVariables().entrySet());
        groups.sort((a, b) -> Integer.compare(m.start(b.getValue()), m.start(a.getValue()))); // right to left
        boolean changed = false;
        for (Map.Entry<String, Integer> g : groups) {
            String value = m.group(g.getValue());
            if (value == null || !QuotedValues.needsEscape(value) || QuotedValues.use(s.entry().getMappingValue()
                    + "\n" + (s.wake() == null ? "" : s.wake()), placeholder(g.getKey())) != QuotedValues.Use.QUOTED) {
                continue;
            }
            out.replace(m.start(g.getValue()), m.end(g.getValue()), QuotedValues.escape(value));
            changed = true;
        }
        if (!changed) {
            return line;
        }
        String escaped = out.toString();
        // the escaped line must still be the same sentence with the same values, escaped, or Drools' expander would
        // write something else
        Matcher again = s.entry().getKeyPattern().matcher(escaped);
        if (!again.matches()) {
            return null;
        }
        for (Map.Entry<String, Integer> g : groups) {
            String value = m.group(g.getValue());
            if (value != null && !QuotedValues.escape(value).equals(again.group(g.getValue()))
                    && !value.equals(again.group(g.getValue()))) {
                return null;
            }
        }
        return line.substring(0, line.indexOf(stripped)) + escaped;
    }

    /** A template with the values in: escaped where it quotes them, as they are where it uses them as code. */
    private static String substitute(String template, Map<String, String> values) {
        String w = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            Matcher m = placeholder(v.getKey()).matcher(w);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = QuotedValues.insideString(w, m.start()) ? QuotedValues.escape(v.getValue()) : v.getValue();
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            w = sb.toString();
        }
        return w;
    }

    /** @return the constant's Chinese label, as reports print it and the Chinese DSL accepts it */
    static String chinese(Enum<?> constant) {
        if (constant instanceof Stage s) {
            return s.chinese();
        }
        if (constant instanceof Segment s) {
            return s.chinese();
        }
        if (constant instanceof Level l) {
            return l.chinese();
        }
        if (constant instanceof Channel c) {
            return c.chinese();
        }
        if (constant instanceof Template t) {
            return t.chinese();
        }
        if (constant instanceof Review r) {
            return r.chinese();
        }
        return constant instanceof TaskKind k ? k.chinese() : constant.name();
    }

    /** @return e.g. {@code CUSTOMER (成交客户)} */
    private static String both(Enum<?> constant) {
        return constant.name() + " (" + chinese(constant) + ")";
    }

    /**
     * @return the line with each value that names a constant by its Chinese label written as the constant's name,
     *         right to left so that the positions of the values before it hold
     */
    private static String withNames(String line, DSLMappingEntry entry, Matcher m) {
        StringBuilder out = new StringBuilder(line);
        List<Map.Entry<String, Integer>> groups = new ArrayList<>(entry.getVariables().entrySet());
        groups.sort((a, b) -> Integer.compare(m.start(b.getValue()), m.start(a.getValue())));
        for (Map.Entry<String, Integer> g : groups) {
            Enum<?>[] known = CONSTANTS.get(g.getKey());
            String value = m.group(g.getValue());
            if (known == null || value == null) {
                continue;
            }
            Arrays.stream(known).filter(k -> value.strip().equals(chinese(k))).findFirst()
                    .ifPresent(k -> out.replace(m.start(g.getValue()), m.end(g.getValue()), k.name()));
        }
        return out.toString();
    }

    private static Set<String> vocabulary(List<Sentence> sentences) {
        Set<String> words = new LinkedHashSet<>();
        sentences.forEach(s -> s.spacing().ifPresent(sp -> words.addAll(sp.words())));
        return words;
    }

    private static String orList(List<String> options) {
        List<String> q = options.stream().map(o -> "'" + o + "'").toList();
        return q.size() == 1 ? q.get(0)
                : String.join(", ", q.subList(0, q.size() - 1)) + " or " + q.get(q.size() - 1);
    }

    private static RuleMessage error(RuleSource file, int line, int column, String message) {
        return new RuleMessage(file.name(), line, column, RuleMessage.Severity.ERROR, message);
    }

    /** The globals the sentences use, and the wake-ups of the time sentences used. */
    private static String supportRules(Set<String> wakes) {
        StringBuilder drl = new StringBuilder("""
                // Generated for the rules written in the business language (docs/dsl.md).
                package custflow.dsl;

                import dev.custflow.model.Customer;

                global dev.custflow.rules.Actions actions;
                global dev.custflow.rules.Schedule schedule;
                """);
        if (!wakes.isEmpty()) {
            drl.append("""

                    // A time sentence ("no order for 60 days") becomes true while nothing happens to the customer:
                    // look at the customer again then. Low salience, like the packs' own wake-up rules.
                    rule "dsl: wake when a time sentence falls due"
                        salience -1000
                    when
                        $c : Customer( )
                    then
                    """);
            wakes.forEach(w -> drl.append("    ").append(w).append('\n'));
            drl.append("end\n");
        }
        return drl.toString();
    }
}
