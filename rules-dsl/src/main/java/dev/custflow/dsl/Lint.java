package dev.custflow.dsl;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RuleCompilationException;
import dev.custflow.RuleMessage;
import dev.custflow.RuleMessage.Severity;
import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.settings.Settings;
import dev.custflow.text.Wording;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a rules folder off to the side, the way loading it into an engine would, and reports every
 * problem with its place instead of stopping at the first: the settings file (unknown keys with a
 * suggestion, values out of range), the rule files compiled on top of the built-in packs (syntax
 * and type errors, unknown facts and properties with a suggestion), rule names used twice in the
 * folder, rules that replace a built-in rule (information), actions requested with an empty
 * reason, classes and methods outside the sandbox, rules that would loop (warnings), and in
 * {@code .dslr} files the lines that are not a sentence of the DSL, with the closest
 * sentences (found by the compiler, docs/dsl.md). Nothing runs: no engine is kept and no event is
 * applied.
 *
 * <p>Decision tables are compiled with the rest; their errors come at the sheet, row (line) and column.
 * Loading applies the sandbox (what rules may use), so its errors come with the compiler's. Rules that would
 * fire again after their own change, or undo each other's change in a loop, are warnings ({@code LoopCheck}), and so
 * is a table of the settings file that leaves out rows of the default table. A warning is silenced by a comment
 * giving the reason, on its line or just above it: {@code // lint: allow loop because ...} ({@link Silenced}).
 */
public final class Lint {
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** An action call whose last argument, the reason, is an empty string literal. */
    private static final Pattern EMPTY_REASON = Pattern.compile("actions\\.(\\w+)\\((?:[^;]*,)?\\s*\"\"\\s*\\)");

    private Lint() {
    }

    /**
     * @param folder a rules folder
     * @return the problems found, by file, line and column (errors, warnings and information)
     * @throws IllegalArgumentException if it is not a folder
     */
    public static List<RuleMessage> check(Path folder) {
        return check(folder, List.of());
    }

    /**
     * @param folder       a rules folder
     * @param allowInRules what the host allows rules to use beyond the sandbox's defaults
     *                     ({@link dev.custflow.EngineBuilder#allowInRules})
     * @return the problems found, by file, line and column (errors, warnings and information)
     * @throws IllegalArgumentException if it is not a folder, or an allow-list entry is malformed
     */
    public static List<RuleMessage> check(Path folder, List<String> allowInRules) {
        return check(folder, allowInRules, Locale.ENGLISH);
    }

    /**
     * @param folder       a rules folder
     * @param allowInRules what the host allows rules to use beyond the sandbox's defaults
     *                     ({@link dev.custflow.EngineBuilder#allowInRules})
     * @param locale       the reader's language, Chinese ({@code zh-CN}) or English: lint's own findings are worded
     *                     in it (the compiler's messages stay as the compiler words them)
     * @return the problems found, by file, line and column (errors, warnings and information)
     * @throws IllegalArgumentException if it is not a folder, an allow-list entry is malformed or the locale is
     *                                  neither Chinese nor English
     */
    public static List<RuleMessage> check(Path folder, List<String> allowInRules, Locale locale) {
        Wording w = wording(locale);
        RulesFolder rules = RulesFolder.load(folder);
        List<RuleMessage> out = new ArrayList<>();
        Settings settings = Settings.ofDefaults();
        boolean settingsLoad = true;
        try {
            settings = rules.settingsOver(settings);
        } catch (InvalidSettingsException e) {
            out.add(settingsMessage(rules, e));
            settingsLoad = false;
        }
        try (Engine ignored = Custflow.builder().rules(rules.sources()).settings(settings)
                .allowInRules(allowInRules.toArray(String[]::new)).build()) {
            // compiled: nothing to report from the compiler beyond what it logs as warnings
        } catch (RuleCompilationException e) {
            out.addAll(e.messages());
        }
        Map<RuleMessage, String> warnings = new LinkedHashMap<>(); // by the check that gives them
        if (rules.settings().isPresent() && settingsLoad) {
            Path file = rules.settings().get();
            SettingsFiles.replacedTables(file, rules.root().relativize(file).toString(), w)
                    .forEach(m -> warnings.put(m, "table-replaced"));
        }
        out.addAll(ruleNames(rules.sources(), w));
        emptyReasons(rules.sources(), w).forEach(m -> warnings.put(m, "empty-reason"));
        LoopCheck.check(rules.sources(), out.stream().filter(m -> m.severity() == Severity.ERROR)
                .map(RuleMessage::file).collect(java.util.stream.Collectors.toSet()), w)
                .forEach(m -> warnings.put(m, "loop"));
        out.addAll(Silenced.unless(warnings, texts(rules), w));
        out.sort(Comparator.comparing(RuleMessage::file).thenComparingInt(RuleMessage::line)
                .thenComparingInt(RuleMessage::column));
        return out;
    }

    /**
     * @param m a problem
     * @return it as {@code file:line:column: severity: message}, the form editors and CI logs link
     */
    public static String format(RuleMessage m) {
        return format(m, Locale.ENGLISH);
    }

    /**
     * @param m      a problem
     * @param locale the reader's language: in Chinese the severity reads 错误, 警告 or 提示
     * @return it as {@code file:line:column: severity: message}
     * @throws IllegalArgumentException if the locale is neither Chinese nor English
     */
    public static String format(RuleMessage m, Locale locale) {
        return m.file() + ":" + m.line() + ":" + m.column() + ": "
                + wording(locale).text("severity." + m.severity().name().toLowerCase(Locale.ROOT)) + ": " + m.message();
    }

    /**
     * @param problems what {@link #check} found
     * @param folder   the folder checked, as the user named it
     * @param locale   the reader's language
     * @return the closing line, e.g. {@code custflow lint: rules: 1 error, 2 warnings}
     * @throws IllegalArgumentException if the locale is neither Chinese nor English
     */
    public static String summary(List<RuleMessage> problems, String folder, Locale locale) {
        Wording w = wording(locale);
        long errors = problems.stream().filter(m -> m.severity() == Severity.ERROR).count();
        long warnings = problems.stream().filter(m -> m.severity() == Severity.WARNING).count();
        return w.text("summary", folder, w.text(errors == 1 ? "errors.one" : "errors.other", errors),
                w.text(warnings == 1 ? "warnings.one" : "warnings.other", warnings));
    }

    private static Wording wording(Locale locale) {
        return Wording.of(Lint.class, "lint", locale);
    }

    private static RuleMessage settingsMessage(RulesFolder rules, InvalidSettingsException e) {
        String file = rules.settings().map(p -> rules.root().relativize(p).toString()).orElse("settings");
        String where = e.location() == null ? "" : e.location();
        String lineText = where.substring(where.lastIndexOf(':') + 1);
        int line = lineText.matches("\\d+") ? Integer.parseInt(lineText) : 0;
        return new RuleMessage(file, line, 0, Severity.ERROR, e.detail());
    }

    /** Rule names used twice in the folder (which one would run?), and names that replace a built-in rule. */
    private static List<RuleMessage> ruleNames(List<RuleSource> sources, Wording w) {
        Map<String, RulePack> builtIn = builtInRuleNames();
        Map<String, String> firstSeen = new HashMap<>();
        List<RuleMessage> out = new ArrayList<>();
        for (RuleSource s : sources) {
            if (s.kind() != RuleSource.Kind.DRL) {
                continue;
            }
            forEachRule(text(s), (name, line, column) -> {
                String where = s.name() + ":" + line;
                String earlier = firstSeen.putIfAbsent(name, where);
                if (earlier != null) {
                    out.add(new RuleMessage(s.name(), line, column, Severity.ERROR,
                            w.text("name.twice", name, earlier)));
                } else if (builtIn.containsKey(name)) {
                    out.add(new RuleMessage(s.name(), line, column, Severity.INFO,
                            w.text("name.replacesBuiltIn", name, builtIn.get(name).packName())));
                }
            });
        }
        return out;
    }

    private static List<RuleMessage> emptyReasons(List<RuleSource> sources, Wording w) {
        List<RuleMessage> out = new ArrayList<>();
        for (RuleSource s : sources) {
            if (s.kind() != RuleSource.Kind.DRL) {
                continue;
            }
            String[] lines = text(s).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = EMPTY_REASON.matcher(lines[i]);
                while (m.find()) {
                    out.add(new RuleMessage(s.name(), i + 1, m.start() + 1, Severity.WARNING,
                            w.text("reason.empty", m.group(1))));
                }
            }
        }
        return out;
    }

    private interface RuleVisitor {
        void rule(String name, int line, int column);
    }

    private static void forEachRule(String drl, RuleVisitor visitor) {
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE.matcher(lines[i]);
            if (m.find()) {
                visitor.rule(m.group(1), i + 1, m.start(1));
            }
        }
    }

    private static Map<String, RulePack> builtInRuleNames() {
        Map<String, RulePack> names = new LinkedHashMap<>();
        for (RulePack p : RulePack.values()) {
            try (InputStream in = RulePack.class.getClassLoader().getResourceAsStream(p.resource())) {
                if (in != null) {
                    forEachRule(new String(in.readAllBytes(), StandardCharsets.UTF_8), (n, l, c) -> names.put(n, p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the built-in pack " + p.resource(), e);
            }
        }
        return names;
    }

    /** The text of each file a warning may name: the rule files and the settings file. */
    private static Map<String, String> texts(RulesFolder rules) {
        Map<String, String> out = new HashMap<>();
        rules.sources().forEach(s -> out.put(s.name(), text(s)));
        rules.settings().ifPresent(f -> {
            try {
                out.put(rules.root().relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the settings file " + f, e);
            }
        });
        return out;
    }

    private static String text(RuleSource s) {
        return new String(s.content(), StandardCharsets.UTF_8);
    }
}
