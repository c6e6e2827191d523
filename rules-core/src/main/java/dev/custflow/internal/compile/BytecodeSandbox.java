package dev.custflow.internal.compile;

import dev.custflow.RuleMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Function;
import org.drools.base.rule.LineMappings;
import org.drools.base.rule.TypeDeclaration;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;

/**
 * The rule sandbox's authority: after Drools compiled the rules, every class it produced (each rule's consequence
 * class with its lambdas and nested classes, Drools' invokers, the functions) is read with ASM
 * ({@link BytecodeCheck}) and any reference to something off the allow-list is an error at the rule's file and
 * line. All classes are checked, the built-in packs' too (they pass): no name or path a user can choose exempts a
 * class. A user rule in the MVEL dialect is refused, since MVEL code is interpreted, not compiled to classes.
 */
public final class BytecodeSandbox {
    private static final String INVOKER = "ConsequenceInvoker";

    private BytecodeSandbox() {
    }

    /** What a class was compiled from: a rule or a function, its file, and the line its code starts at. */
    private record Origin(String what, String file, LineMappings lines) {
    }

    /**
     * @param packages the compiled packages
     * @param trusted  the resources of the built-in packs, by identity (only they may use the MVEL dialect)
     * @param sandbox  the allow-list, with what the host added
     * @return every forbidden reference, as an error at its file and line
     */
    public static List<RuleMessage> check(Collection<KiePackage> packages, Set<Resource> trusted, Sandbox sandbox) {
        return check(packages, trusted, sandbox, Map.of());
    }

    /**
     * @param sources the text of each file, by name: names the file of a function (Drools keeps no resource for it)
     * @see #check(Collection, Set, Sandbox)
     */
    public static List<RuleMessage> check(Collection<KiePackage> packages, Set<Resource> trusted, Sandbox sandbox,
                                          Map<String, String[]> sources) {
        Map<String, byte[]> classes = new HashMap<>();
        Set<String> own = new HashSet<>();
        Map<String, Origin> origins = new HashMap<>();
        List<RuleMessage> out = new ArrayList<>();
        for (KiePackage kp : packages) {
            InternalKnowledgePackage p = (InternalKnowledgePackage) kp;
            if (p.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData data) {
                data.getStore().forEach((k, v) -> {
                    if (k.endsWith(".class")) {
                        classes.put(k.substring(0, k.length() - 6), v);
                    }
                });
            }
            for (TypeDeclaration t : p.getTypeDeclarations().values()) {
                if (t.getNature() == TypeDeclaration.Nature.DEFINITION) {
                    own.add(t.getTypeClassName().replace('.', '/')); // a type the rules declared (generated bean)
                }
            }
            Map<String, LineMappings> mappings = p.getDialectRuntimeRegistry().getLineMappings();
            for (Function f : p.getFunctions().values()) {
                origins.put(f.getClassName().replace('.', '/'), new Origin("the function \"" + f.getName() + "\"",
                        f.getResource() != null ? file(f.getResource()) : fileDeclaring(f.getName(), sources),
                        mappings.get(f.getClassName())));
            }
            for (Rule r : p.getRules()) {
                RuleImpl rule = (RuleImpl) r;
                String ruleClass = ruleClass(rule, mappings.keySet(), p);
                if (ruleClass != null) {
                    origins.put(ruleClass.replace('.', '/'), new Origin("the rule \"" + rule.getName() + "\"",
                            file(rule.getResource()), mappings.get(ruleClass)));
                }
                if (!trusted.contains(rule.getResource()) && isMvel(rule)) {
                    LineMappings m = ruleClass == null ? null : mappings.get(ruleClass);
                    out.add(new RuleMessage(file(rule.getResource()), m == null ? 0 : m.getStartLine(), 0,
                            RuleMessage.Severity.ERROR, "the rule \"" + rule.getName() + "\" uses the MVEL dialect, "
                            + "which rules may not use (MVEL runs code the sandbox cannot check: use dialect \"java\")"));
                }
            }
        }
        own.addAll(classes.keySet());
        BytecodeCheck check = new BytecodeCheck(sandbox::allowed, own);
        List<String> names = new ArrayList<>(classes.keySet());
        names.sort(Comparator.naturalOrder());
        for (String name : names) {
            for (BytecodeCheck.Violation v : check.check(classes.get(name))) {
                out.add(message(v, origin(v.host(), origins)));
            }
        }
        return out.stream().distinct().toList();
    }

    /**
     * Puts the rule limits into every class compiled from a user's file ({@link RuleInstrumenter}), before any
     * session runs them: the bytes in each package's class store are replaced and the package's classes are loaded
     * again from them. A class is the built-in packs' (and left as it is) when the rule or function it was compiled
     * from came from one of their resources; any other class is instrumented.
     *
     * @param packages the compiled packages, checked by {@link #check}
     * @param trusted  the resources of the built-in packs, by identity
     * @return how many classes were instrumented
     */
    public static int instrument(Collection<KiePackage> packages, Set<Resource> trusted) {
        int count = 0;
        for (KiePackage kp : packages) {
            InternalKnowledgePackage p = (InternalKnowledgePackage) kp;
            if (!(p.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData data)) {
                continue;
            }
            Map<String, Boolean> trustedHosts = new HashMap<>();
            Map<String, LineMappings> mappings = p.getDialectRuntimeRegistry().getLineMappings();
            for (Rule r : p.getRules()) {
                RuleImpl rule = (RuleImpl) r;
                String ruleClass = ruleClass(rule, mappings.keySet(), p);
                if (ruleClass != null) {
                    trustedHosts.put(ruleClass.replace('.', '/'), trusted.contains(rule.getResource()));
                }
            }
            for (Function f : p.getFunctions().values()) {
                trustedHosts.put(f.getClassName().replace('.', '/'), trusted.contains(f.getResource()));
            }
            Map<String, byte[]> rewritten = new HashMap<>();
            data.getStore().forEach((k, v) -> {
                if (k.endsWith(".class") && !isTrusted(k.substring(0, k.length() - 6), trustedHosts)) {
                    rewritten.put(k, RuleInstrumenter.instrument(v));
                }
            });
            rewritten.forEach(data::write);
            if (!rewritten.isEmpty()) {
                data.reload(); // a class Drools already loaded (an invoker it wired) is loaded again, instrumented
            }
            count += rewritten.size();
        }
        return count;
    }

    /** A class of the built-in packs: its own or its longest prefix's rule or function came from their resources. */
    private static boolean isTrusted(String name, Map<String, Boolean> trustedHosts) {
        String best = null;
        for (String k : trustedHosts.keySet()) {
            if (name.startsWith(k) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return best != null && trustedHosts.get(best);
    }

    /** The consequence class of a rule: the line-mapped class its consequence invoker is named after. */
    private static String ruleClass(RuleImpl rule, Set<String> mapped, InternalKnowledgePackage p) {
        String invoker = rule.getConsequence() == null ? invokerOf(rule, p)
                : rule.getConsequence().getClass().getName();
        String best = null;
        for (String k : mapped) {
            if (invoker != null && invoker.startsWith(k) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return best;
    }

    /**
     * A package read from the cache has its consequences wired only when its classes are first loaded: the name of
     * a rule's consequence invoker is then in the dialect's table of what to wire (which Drools does not expose).
     * Without it, every class of the built-in packs read back would be taken for a user's and instrumented.
     *
     * @return the class name of the rule's consequence invoker, or null if it cannot be told
     */
    private static String invokerOf(RuleImpl rule, InternalKnowledgePackage p) {
        if (INVOKERS == null || !(p.getDialectRuntimeRegistry().getDialectData("java") instanceof
                JavaDialectRuntimeData data)) {
            return null;
        }
        try {
            if (INVOKERS.get(data) instanceof Map<?, ?> invokers) {
                for (Map.Entry<?, ?> e : invokers.entrySet()) {
                    if (e.getValue() == rule && e.getKey() instanceof String name
                            && name.endsWith("ConsequenceInvoker")) {
                        return name;
                    }
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static final java.lang.reflect.Field INVOKERS = invokersField();

    private static java.lang.reflect.Field invokersField() {
        try {
            java.lang.reflect.Field f = JavaDialectRuntimeData.class.getDeclaredField("invokerLookups");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isMvel(RuleImpl rule) {
        if ("mvel".equals(rule.getDialect())) {
            return true;
        }
        // a named consequence has the rule's dialect
        return rule.getConsequence() != null && rule.getConsequence().getClass().getName().contains("MVEL");
    }

    /** A class's origin: its nest host's, or for an invoker the rule class its name starts with (the longest). */
    private static Origin origin(String host, Map<String, Origin> origins) {
        Origin o = origins.get(host);
        if (o != null) {
            return o;
        }
        String best = null;
        for (String k : origins.keySet()) {
            if (host.startsWith(k) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return best == null ? null : origins.get(best);
    }

    private static RuleMessage message(BytecodeCheck.Violation v, Origin o) {
        String what = o == null ? "the class " + v.className().replace('/', '.') : o.what();
        String verb = v.member().contains("(") && !v.member().startsWith("a ") ? " calls " : " uses ";
        String text = what + verb + v.member() + ", which rules may not use (" + v.why() + ")";
        if (o == null) {
            return new RuleMessage("(rules)", 0, 0, RuleMessage.Severity.ERROR, text);
        }
        return new RuleMessage(o.file(), line(o.lines(), v.line(), v.className().contains(INVOKER)), 0,
                RuleMessage.Severity.ERROR, text);
    }

    /**
     * The rule file's line of a line of the generated Java: Drools writes the consequence three lines after the
     * mapping's offset, starting at the rule's {@code then}. Without a line (an invoker), the {@code then} line.
     */
    static int line(LineMappings m, int javaLine, boolean invoker) {
        if (m == null) {
            return 0;
        }
        int l = m.getStartLine() + javaLine - m.getOffset() - 3;
        return invoker || javaLine <= 0 || l < m.getStartLine() ? m.getStartLine() : l;
    }

    private static String fileDeclaring(String function, Map<String, String[]> sources) {
        Pattern declaration = Pattern.compile("^\\s*function\\s+.*\\b" + Pattern.quote(function) + "\\s*\\(");
        for (Map.Entry<String, String[]> e : sources.entrySet()) {
            for (String line : e.getValue()) {
                if (declaration.matcher(line).find()) {
                    return e.getKey();
                }
            }
        }
        return "(rules)";
    }

    private static String file(Resource r) {
        return r == null || r.getSourcePath() == null ? "(rules)" : r.getSourcePath();
    }
}
