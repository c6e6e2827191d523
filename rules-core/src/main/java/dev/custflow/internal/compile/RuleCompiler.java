package dev.custflow.internal.compile;

import dev.custflow.text.Suggest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.custflow.RuleCompilationException;
import dev.custflow.RuleMessage;
import dev.custflow.RuleSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles rule sources into a KieBase with the MVEL-based compiler (its errors keep line
 * numbers), off to the side: a rule set with an error is never returned. Compiled rule sets are
 * cached by content hash, so building a second engine, or reloading an unchanged folder, costs
 * nothing.
 */
public final class RuleCompiler {
    private static final Cache<String, CompiledRules> CACHE = Caffeine.newBuilder().maximumSize(16).build();
    private static final Pattern LINE_COL = Pattern.compile("[Ll]ine:? ?(\\d+)[:,] ?(?:[Cc]olumn:? ?)?(\\d+)");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):\\s*\\n");
    /** MVEL's words for a property or method a fact class does not have. */
    private static final Pattern UNRESOLVED =
            Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");

    private RuleCompiler() {
    }

    /**
     * @param builtIns the built-in packs' sources
     * @param user     the user's sources; a user rule named like a built-in rule replaces it
     * @return the compiled rules
     * @throws RuleCompilationException with every error, each with file, line and column
     */
    public static CompiledRules compile(List<RuleSource> builtIns, List<RuleSource> user) {
        return compile(builtIns, user, Sandbox.DEFAULT);
    }

    /**
     * @param builtIns the built-in packs' sources (trusted)
     * @param user     the user's sources, checked against the sandbox
     * @param sandbox  what user rules may use
     * @return the compiled rules
     * @throws RuleCompilationException with every error, each with file, line and column
     */
    public static CompiledRules compile(List<RuleSource> builtIns, List<RuleSource> user, Sandbox sandbox) {
        String hash = hash(builtIns, user) + String.join(",", sandbox.extra());
        return CACHE.get(hash, h -> doCompile(builtIns, user, sandbox, h));
    }

    private static CompiledRules doCompile(List<RuleSource> builtIns, List<RuleSource> user, Sandbox sandbox,
                                           String hash) {
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null,
                RuleCompiler.class.getClassLoader());
        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        // business-language rules: the built-in DSL, lines no sentence matches, wake-ups (DslSupport)
        DslSupport.Prepared dsl = DslSupport.prepare(user);
        List<RuleSource> all = new ArrayList<>(builtIns);
        all.addAll(dsl.sources());
        // a DSL must be known before the DSLR files that use it
        all.sort(Comparator.comparing(s -> s.kind() == RuleSource.Kind.DSL ? 0 : 1));
        Map<String, String[]> lines = new HashMap<>();
        List<RuleMessage> errors = new ArrayList<>();
        // decision tables become DRL here rather than through ResourceType.DTABLE, keeping their cells, so that
        // an error in the generated DRL is reported at its sheet, row and column (DecisionTable.locate)
        Map<String, DecisionTable> tables = new HashMap<>();
        List<RuleSource> dsls = all.stream().filter(s -> s.kind() == RuleSource.Kind.DSL).toList();
        // trust comes from where a source was loaded, never from its name: the user's own files get the text check
        // (clearer messages), and every class compiled from any source gets the bytecode check (BytecodeSandbox)
        Set<RuleSource> userFiles = Collections.newSetFromMap(new IdentityHashMap<>());
        userFiles.addAll(user);
        Set<Resource> trusted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (RuleSource s : all) {
            if (userFiles.contains(s)) {
                errors.addAll(sandboxed(s, dsls, sandbox));
            }
            Resource r = ResourceFactory.newByteArrayResource(s.content());
            r.setSourcePath(s.name());
            if (builtIns.stream().anyMatch(b -> b == s)) {
                trusted.add(r);
            }
            switch (s.kind()) {
                case DRL -> kb.add(r, ResourceType.DRL);
                case DSL -> kb.add(r, ResourceType.DSL);
                case DSLR -> kb.add(r, ResourceType.DSLR);
                case DECISION_TABLE_XLSX, DECISION_TABLE_CSV -> {
                    if (!DecisionTable.available()) {
                        errors.add(new RuleMessage(s.name(), 0, 0, RuleMessage.Severity.ERROR, "decision tables need "
                                + "org.drools:drools-decisiontables on the class path (rules-dsl brings it; rules-core "
                                + "has it as an optional dependency)"));
                        continue;
                    }
                    DecisionTable.compile(s, errors).ifPresent(t -> {
                        for (RuleMessage m : sandbox.check(s.name(), t.drl(), IntUnaryOperator.identity())) {
                            errors.add(t.locate(m));
                        }
                        tables.put(s.name(), t);
                        lines.put(s.name(), t.drlLines());
                        Resource drl = ResourceFactory.newByteArrayResource(t.drl().getBytes(StandardCharsets.UTF_8));
                        drl.setSourcePath(s.name());
                        kb.add(drl, ResourceType.DRL);
                    });
                    continue;
                }
            }
            lines.put(s.name(), s.text().split("\n", -1));
        }
        errors.addAll(0, dsl.errors());
        List<RuleMessage> warnings = new ArrayList<>();
        for (KnowledgeBuilderResult res : kb.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
            RuleMessage m = toMessage(res, lines);
            DecisionTable table = tables.get(m.file());
            m = table == null ? m : table.locate(m);
            if (m == null) {
                continue;
            }
            (m.severity() == RuleMessage.Severity.ERROR ? errors : warnings).add(m);
        }
        if (errors.isEmpty()) {
            for (RuleMessage m : BytecodeSandbox.check(kb.getKnowledgePackages(), trusted, sandbox, lines)) {
                DecisionTable table = tables.get(m.file());
                errors.add(table == null ? m : table.locate(m));
            }
        }
        if (!errors.isEmpty()) {
            errors.addAll(warnings);
            throw new RuleCompilationException(dedup(errors));
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(kb.getKnowledgePackages());
        removeOverriddenBuiltIns(base, builtIns, dsl.sources(), warnings);
        List<String> names = new ArrayList<>();
        for (KiePackage p : base.getKiePackages()) {
            for (Rule rule : p.getRules()) {
                names.add(rule.getName());
            }
        }
        names.sort(null);
        return new CompiledRules(base, List.copyOf(names), List.copyOf(warnings), hash);
    }

    /**
     * What the sandbox finds in a user's file: DRL as written, a DSLR after expansion (line for line), and in a
     * DSL the code its sentences expand to and its wake-up statements. Decision tables are checked once they are DRL.
     */
    private static List<RuleMessage> sandboxed(RuleSource s, List<RuleSource> dsls, Sandbox sandbox) {
        return switch (s.kind()) {
            case DRL -> sandbox.check(s.name(), s.text(), IntUnaryOperator.identity());
            // the sentences are words, not code: what they expand to is checked
            case DSLR -> sandbox.check(s.name(), DslSupport.expand(s, dsls), IntUnaryOperator.identity());
            case DSL -> sandbox.check(s.name(), dslCode(s.text()), IntUnaryOperator.identity());
            case DECISION_TABLE_XLSX, DECISION_TABLE_CSV -> List.of();
        };
    }

    /** The code in a DSL file, line for line: what its sentences expand to and its {@code # wake:} statements. */
    private static String dslCode(String dsl) {
        StringBuilder out = new StringBuilder();
        for (String line : dsl.split("\n", -1)) {
            String t = line.strip();
            int eq = t.startsWith("[") ? t.replace("\\=", "  ").indexOf('=') : -1;
            String code = t.startsWith("#") ? t.replaceFirst("^#\\s*wake:", "").replaceFirst("^#.*", "")
                    : eq >= 0 ? " ".repeat(line.indexOf(t) + eq + 1) + t.substring(eq + 1) : "";
            out.append(code).append('\n');
        }
        return out.toString();
    }

    /** A user rule with the name of a built-in rule replaces it (the built-in is removed). */
    private static void removeOverriddenBuiltIns(InternalKnowledgeBase base, List<RuleSource> builtIns,
                                                 List<RuleSource> user, List<RuleMessage> notes) {
        Set<String> builtInFiles = new HashSet<>();
        builtIns.forEach(s -> builtInFiles.add(s.name()));
        Set<String> userFiles = new HashSet<>();
        user.forEach(s -> userFiles.add(s.name()));
        Map<String, RuleImpl> builtInRules = new HashMap<>();
        List<RuleImpl> userRules = new ArrayList<>();
        for (KiePackage p : base.getKiePackages()) {
            for (Rule rule : p.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                String file = impl.getResource() == null ? null : impl.getResource().getSourcePath();
                if (file != null && builtInFiles.contains(file)) {
                    builtInRules.put(rule.getName(), impl);
                } else if (file != null && userFiles.contains(file)) {
                    userRules.add(impl);
                }
            }
        }
        for (RuleImpl u : userRules) {
            RuleImpl b = builtInRules.get(u.getName());
            if (b != null && !b.getPackageName().equals(u.getPackageName())) {
                base.removeRule(b.getPackageName(), b.getName());
                notes.add(new RuleMessage(u.getResource().getSourcePath(), 0, 0,
                        RuleMessage.Severity.INFO, "rule \"" + u.getName() + "\" replaces the built-in rule of the "
                        + "same name (" + b.getResource().getSourcePath() + ")"));
            }
        }
    }

    private static List<RuleMessage> dedup(List<RuleMessage> messages) {
        return messages.stream().distinct().toList();
    }

    static RuleMessage toMessage(KnowledgeBuilderResult res, Map<String, String[]> sources) {
        String file = res.getResource() == null || res.getResource().getSourcePath() == null ? "(rules)"
                : res.getResource().getSourcePath();
        String msg = res.getMessage() == null ? res.toString() : res.getMessage().strip();
        int line = res.getLines() != null && res.getLines().length > 0 ? res.getLines()[0] : 0;
        int column = 0;
        Matcher m = LINE_COL.matcher(msg);
        if (m.find()) {
            int l = Integer.parseInt(m.group(1));
            if (line <= 0 && l > 0) {
                line = l;
            }
            column = Integer.parseInt(m.group(2)) + 1;
        }
        // for a constraint the compiler's column is inside the expression: find the expression in its line
        Matcher ex = EXPRESSION.matcher(msg + "\n");
        String[] text = sources.get(file);
        if (ex.find() && text != null && line > 0 && line <= text.length) {
            int at = text[line - 1].indexOf(ex.group(1).strip());
            if (at >= 0) {
                column = at + 1;
            }
        } else if (column == 0 && text != null && line > 0 && line <= text.length) {
            String l = text[line - 1];
            column = l.length() - l.stripLeading().length() + 1;
        }
        Matcher unresolved = UNRESOLVED.matcher(msg);
        if (unresolved.find()) {
            String member = unresolved.group(2);
            if (line <= 0 && text != null) { // MVEL gives no line for it: the first use of the name
                Pattern word = Pattern.compile("\\b" + Pattern.quote(member) + "\\b");
                for (int i = 0; i < text.length && line <= 0; i++) {
                    Matcher w = word.matcher(text[i]);
                    if (!text[i].stripLeading().startsWith("//") && w.find()) {
                        line = i + 1;
                        column = w.start() + 1;
                    }
                }
            }
            msg = unknownMember(unresolved.group(1), member) + " (" + msg + ")";
        }
        RuleMessage.Severity severity = res.getSeverity() == ResultSeverity.ERROR ? RuleMessage.Severity.ERROR
                : RuleMessage.Severity.WARNING;
        return new RuleMessage(file, Math.max(line, 0), column, severity, oneLine(msg));
    }

    /** "Customer has no property 'stagee'; did you mean 'stage'?" from the fact class's getters. */
    private static String unknownMember(String className, String member) {
        Class<?> type;
        try {
            type = Class.forName(className, false, RuleCompiler.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return className + " has no property or method '" + member + "'";
        }
        Set<String> known = new TreeSet<>();
        for (java.lang.reflect.Method m : type.getMethods()) {
            if (m.getDeclaringClass() == Object.class || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String n = m.getName();
            if (m.getParameterCount() == 0 && n.startsWith("get") && n.length() > 3) {
                known.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
            } else if (m.getParameterCount() == 0 && n.startsWith("is") && n.length() > 2) {
                known.add(Character.toLowerCase(n.charAt(2)) + n.substring(3));
            }
            known.add(n);
        }
        return type.getSimpleName() + " has no property or method '" + member + "'"
                + Suggest.closest(member, known).map(b -> "; did you mean '" + b + "'?").orElse("");
    }

    private static String oneLine(String msg) {
        return msg.replaceAll("\\s*\\n\\s*", " ").replaceAll("\\s{2,}", " ");
    }

    private static String hash(List<RuleSource> builtIns, List<RuleSource> user) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (List<RuleSource> list : List.of(builtIns, user)) {
                md.update((byte) '|');
                for (RuleSource s : list) {
                    md.update(s.name().getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    md.update((byte) s.kind().ordinal());
                    md.update(s.content());
                    md.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
