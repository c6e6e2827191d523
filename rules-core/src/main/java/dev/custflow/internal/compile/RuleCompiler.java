package dev.custflow.internal.compile;

import dev.custflow.text.Suggest;

import dev.custflow.RuleCompilationException;
import dev.custflow.RuleMessage;
import dev.custflow.RuleSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.IdentityHashMap;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.InternalKnowledgePackage;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles rule sources into a KieBase with the MVEL-based compiler (its errors keep line
 * numbers), off to the side: a rule set with an error is never returned. Compiled rule sets are
 * cached by content hash, so building a second engine, or reloading an unchanged folder, costs
 * nothing; across processes by {@link RuleCache}: the built-in packs compiled when the library was built, and
 * other rule sets in the host's cache folder, if it names one.
 */
public final class RuleCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    /** Rule sets compiled in this process, by content hash, the most recently used last. */
    private static final Map<String, CompiledRules> CACHE = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRules> eldest) {
            return size() > KEEP_IN_MEMORY;
        }
    };
    private static final int KEEP_IN_MEMORY = 16;
    /** One lock per rule set being compiled: a second engine of the same rules waits for the first's. */
    private static final ConcurrentHashMap<String, Object> COMPILING = new ConcurrentHashMap<>();
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
        String hash = hashOf(builtIns, user, sandbox);
        CompiledRules done = inMemory(hash);
        if (done != null) {
            return done;
        }
        // a small map and a lock rather than a cache library: its classes cost a start more than this saves
        Object lock = COMPILING.computeIfAbsent(hash, h -> new Object());
        try {
            synchronized (lock) {
                done = inMemory(hash);
                if (done == null) {
                    done = load(builtIns, user, sandbox, hash, RuleCache.folder().orElse(null));
                    synchronized (CACHE) {
                        CACHE.put(hash, done);
                    }
                }
                return done;
            }
        } finally {
            COMPILING.remove(hash, lock);
        }
    }

    private static CompiledRules inMemory(String hash) {
        synchronized (CACHE) {
            return CACHE.get(hash);
        }
    }

    /**
     * Compiles the rules and writes them to a cache folder (the build does this for the built-in packs).
     *
     * @param folder where the compiled rules go
     * @return the compiled rules
     * @throws RuleCompilationException with every error
     */
    static CompiledRules compileInto(List<RuleSource> builtIns, List<RuleSource> user, Sandbox sandbox,
                                     Path folder) {
        String hash = hashOf(builtIns, user, sandbox);
        String key = RuleCache.key(hash, translated(user));
        return doCompile(builtIns, user, sandbox, hash, bytes -> RuleCache.write(folder, key, bytes), key, null);
    }

    /**
     * The compiled rules from the library's jar (the built-in packs, compiled when it was built), else from the
     * cache folder, else from the compiler (then written to the folder).
     */
    private static CompiledRules load(List<RuleSource> builtIns, List<RuleSource> user, Sandbox sandbox,
                                      String hash, Path folder) {
        long start = System.nanoTime();
        String key = RuleCache.key(hash, translated(user));
        Optional<CompiledRules> done = cached(builtIns, user, sandbox, hash, key, folder);
        if (done.isPresent()) {
            LOG.debug("rules {} read from the cache in {} ms", key, (System.nanoTime() - start) / 1_000_000);
            return done.get();
        }
        Consumer<byte[]> store = folder == null ? null : bytes -> RuleCache.write(folder, key, bytes);
        // the user's files compiled on top of the built-in packs as the cache holds them, when it holds them and
        // nothing in the user's files reaches into the packs' packages; else the whole rule set, as it always was
        CompiledRules compiled = user.isEmpty() ? null : builtInBase(builtIns, sandbox, folder)
                .map(base -> doCompile(builtIns, user, sandbox, hash, store, key, base))
                .orElse(null);
        if (compiled == null) {
            compiled = doCompile(builtIns, user, sandbox, hash, store, key, null);
        }
        LOG.debug("rules {} compiled in {} ms", key, (System.nanoTime() - start) / 1_000_000);
        return compiled;
    }

    /**
     * The built-in packs as compiled once (the jar's entry, else the cache folder's), for the user's files to be
     * compiled on top of: Drools compiles each package on its own, so the packs need not be compiled again.
     *
     * @return empty when neither holds them (then the whole rule set is compiled)
     */
    private static Optional<RuleCache.Entry> builtInBase(List<RuleSource> builtIns, Sandbox sandbox, Path folder) {
        if (builtIns.isEmpty()) {
            return Optional.empty();
        }
        String key = RuleCache.key(hashOf(builtIns, List.of(), sandbox), false);
        ClassLoader loader = RuleCompiler.class.getClassLoader();
        Optional<RuleCache.Entry> entry = RuleCache.readBuiltIn(key, loader);
        boolean check = false;
        if (entry.isEmpty() && folder != null) {
            entry = RuleCache.read(folder, key, loader);
            check = entry.isPresent();
        }
        if (entry.isEmpty()) {
            entry = BuiltInRules.selection(builtIns, sandbox, loader, null);
        }
        if (entry.isEmpty() && folder != null) {
            entry = BuiltInRules.selection(builtIns, sandbox, loader, folder);
            check = entry.isPresent();
        }
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        RuleCache.Entry e = entry.get();
        for (String t : e.trusted()) {
            if (builtIns.stream().noneMatch(b -> b.name().equals(t))) {
                return Optional.empty(); // only the packs' own files are trusted in it
            }
        }
        if (check && !BytecodeSandbox.check(e.packages(), trustedResources(e), sandbox).isEmpty()) {
            return Optional.empty(); // a file from disk that does not pass: compiled whole (and reported) instead
        }
        return entry;
    }

    /** @return the resources of an entry's rules and functions whose files it names as trusted */
    private static Set<Resource> trustedResources(RuleCache.Entry entry) {
        Set<Resource> trusted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (KiePackage kp : entry.packages()) {
            InternalKnowledgePackage p = (InternalKnowledgePackage) kp;
            p.getRules().forEach(r -> addIfTrusted(((RuleImpl) r).getResource(), entry.trusted(), trusted));
            p.getFunctions().values().forEach(f -> addIfTrusted(f.getResource(), entry.trusted(), trusted));
        }
        return trusted;
    }

    /**
     * @param folder the cache folder, or null for the jar's entries only
     * @return the rules from the cache, or empty if it has no usable entry for them (the compiler is not run)
     */
    static Optional<CompiledRules> cached(List<RuleSource> builtIns, List<RuleSource> user, Sandbox sandbox,
                                          Path folder) {
        String hash = hashOf(builtIns, user, sandbox);
        return cached(builtIns, user, sandbox, hash, RuleCache.key(hash, translated(user)), folder);
    }

    private static Optional<CompiledRules> cached(List<RuleSource> builtIns, List<RuleSource> user, Sandbox sandbox,
                                                  String hash, String key, Path folder) {
        ClassLoader loader = RuleCompiler.class.getClassLoader();
        // the jar's entries are the library's own, as trusted as its classes: not checked again
        Optional<CompiledRules> done = RuleCache.readBuiltIn(key, loader)
                .flatMap(e -> fromCache(e, builtIns, user, sandbox, hash, false, "the library's compiled rules"));
        if (done.isEmpty() && folder != null) {
            done = RuleCache.read(folder, key, loader)
                    .flatMap(e -> fromCache(e, builtIns, user, sandbox, hash, true,
                            folder.resolve(key + ".rules").toString()));
        }
        if (done.isEmpty() && user.isEmpty()) {
            done = BuiltInRules.selection(builtIns, sandbox, loader, null)
                    .flatMap(e -> fromCache(e, builtIns, user, sandbox, hash, false,
                            "the library's compiled rules (some of the packs)"));
        }
        if (done.isEmpty() && user.isEmpty() && folder != null) {
            done = BuiltInRules.selection(builtIns, sandbox, loader, folder)
                    .flatMap(e -> fromCache(e, builtIns, user, sandbox, hash, true,
                            "the cache folder's compiled packs (some of them)"));
        }
        return done;
    }

    /**
     * For tests: compiles without the caches, whole or on top of the built-in packs as the jar or a cache folder
     * holds them.
     *
     * @param packs the cache folder to read the packs from (with the jar), or null to compile everything
     * @return the compiled rules; empty when asked for on top and that cannot be done (no entry for the packs,
     *         or the user's files reach into the packs' packages)
     */
    static Optional<CompiledRules> compileFresh(List<RuleSource> builtIns, List<RuleSource> user, Sandbox sandbox,
                                                Path packs) {
        String hash = hashOf(builtIns, user, sandbox);
        String key = RuleCache.key(hash, translated(user));
        if (packs == null) {
            return Optional.of(doCompile(builtIns, user, sandbox, hash, null, key, null));
        }
        return builtInBase(builtIns, sandbox, packs)
                .map(base -> doCompile(builtIns, user, sandbox, hash, null, key, base));
    }

    /** Forgets the rule sets compiled in this process (for tests of the cache on disk). */
    static void forgetInMemory() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

    /** @return the content hash of what is compiled: the sources and what the host added to the sandbox */
    static String hashOf(List<RuleSource> builtIns, List<RuleSource> user, Sandbox sandbox) {
        return hash(builtIns, user) + String.join(",", sandbox.extra());
    }

    private static boolean translated(List<RuleSource> user) {
        return user.stream().anyMatch(s -> s.kind() != RuleSource.Kind.DRL);
    }

    /**
     * A stored rule set made ready to run as a compiled one is: trusted only where the current sources allow it,
     * checked against the sandbox again (a file from disk), the user's classes instrumented.
     *
     * @return empty (logged) when the entry cannot be used
     */
    private static Optional<CompiledRules> fromCache(RuleCache.Entry entry, List<RuleSource> builtIns,
                                                     List<RuleSource> user, Sandbox sandbox, String hash,
                                                     boolean check, String where) {
        Set<String> userNames = new HashSet<>();
        user.forEach(s -> userNames.add(s.name()));
        for (String t : entry.trusted()) {
            boolean allowed = builtIns.stream().anyMatch(b -> b.name().equals(t)) || Translators.trusted(t);
            if (!allowed || userNames.contains(t)) {
                LOG.warn("rule cache: {} is not used (it trusts {}, which is not a built-in file): compiling the "
                        + "rules instead", where, t);
                return Optional.empty();
            }
        }
        Set<Resource> trusted = trustedResources(entry);
        if (check) {
            List<RuleMessage> refused = BytecodeSandbox.check(entry.packages(), trusted, sandbox);
            if (!refused.isEmpty()) {
                LOG.warn("rule cache: {} is not used (its classes do not pass the sandbox: {}): compiling the rules "
                        + "instead", where, refused.get(0));
                return Optional.empty();
            }
        }
        for (KiePackage kp : entry.packages()) { // a read package has no class loader until it is given one
            ((InternalKnowledgePackage) kp).getDialectRuntimeRegistry().onAdd(RuleCompiler.class.getClassLoader());
        }
        BytecodeSandbox.instrument(entry.packages(), trusted);
        List<RuleMessage> warnings = new ArrayList<>(entry.warnings());
        return Optional.of(assemble(entry.packages(), builtIns, warnings, hash));
    }

    /**
     * Drools cannot read back a package that declares types (the classes it generated for them are not found
     * while it is read): such rule sets are compiled every time.
     */
    private static boolean declaresTypes(Collection<KiePackage> packages) {
        for (KiePackage kp : packages) {
            for (org.drools.base.rule.TypeDeclaration t : ((InternalKnowledgePackage) kp).getTypeDeclarations()
                    .values()) {
                if (t.getNature() == org.drools.base.rule.TypeDeclaration.Nature.DEFINITION) {
                    LOG.debug("rules declaring the type {} are not cached", t.getTypeName());
                    return true;
                }
            }
        }
        return false;
    }

    private static void addIfTrusted(Resource r, Set<String> names, Set<Resource> trusted) {
        if (r != null && r.getSourcePath() != null && names.contains(r.getSourcePath())) {
            trusted.add(r);
        }
    }

    /** The KieBase of checked (and instrumented) packages, with a user rule replacing a built-in one. */
    private static CompiledRules assemble(Collection<KiePackage> packages, List<RuleSource> builtIns,
                                          List<RuleMessage> warnings, String hash) {
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(packages);
        removeOverriddenBuiltIns(base, builtIns, warnings);
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
     * @param store receives the checked rule set as a cache entry, or null
     * @param base  the built-in packs compiled (not yet given a class loader): only the user's files are compiled,
     *              or null to compile them all
     * @return the compiled rules; null (only with a base) when the user's files name one of the packs' packages
     *         and must be compiled with them
     */
    private static CompiledRules doCompile(List<RuleSource> builtIns, List<RuleSource> user, Sandbox sandbox,
                                           String hash, Consumer<byte[]> store, String key, RuleCache.Entry base) {
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null,
                RuleCompiler.class.getClassLoader());
        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        // what the translators add or leave out: e.g. the built-in DSL, lines no sentence matches, wake-ups
        List<RuleSource> prepared = user;
        List<RuleMessage> preparedErrors = new ArrayList<>();
        for (RuleTranslator t : Translators.ALL) {
            RuleTranslator.Prepared p = t.prepare(prepared);
            prepared = p.sources();
            preparedErrors.addAll(p.errors());
        }
        List<RuleSource> all = new ArrayList<>(builtIns);
        all.addAll(prepared);
        // a DSL must be known before the DSLR files that use it
        all.sort(Comparator.comparing(s -> s.kind() == RuleSource.Kind.DSL ? 0 : 1));
        Map<String, String[]> lines = new HashMap<>();
        List<RuleMessage> errors = new ArrayList<>();
        // how a message about what Drools compiled is placed in the file as written (a decision table's cell)
        Map<String, UnaryOperator<RuleMessage>> locators = new HashMap<>();
        // trust comes from where a source was loaded, never from its name alone: the library's own sources are
        // trusted, a user's file named like one of them is not; every class compiled from a source that is not
        // trusted gets the bytecode check (BytecodeSandbox), the user's files the text check too (clearer messages)
        Set<RuleSource> userFiles = Collections.newSetFromMap(new IdentityHashMap<>());
        userFiles.addAll(user);
        Set<String> userNames = new HashSet<>();
        user.forEach(s -> userNames.add(s.name()));
        Set<Resource> trustedResources = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> trustedCode = new ArrayList<>();
        // first what each source compiles to, and the text check of the user's; nothing reaches Drools yet
        List<Compilable> compilables = new ArrayList<>();
        for (RuleSource s : all) {
            boolean builtIn = builtIns.stream().anyMatch(b -> b == s);
            boolean trusted = builtIn
                    || !userFiles.contains(s) && !userNames.contains(s.name()) && Translators.trusted(s.name());
            if (builtIn && base != null) { // compiled already; its text still declares globals for the checks
                trustedCode.add(s.text());
                continue;
            }
            if (s.kind() == RuleSource.Kind.DRL) {
                compilables.add(new Compilable(s.name(), s.content(), ResourceType.DRL, s.text(),
                        s.text().split("\n", -1), UnaryOperator.identity(), trusted));
                continue;
            }
            RuleTranslator translator = Translators.BY_KIND.get(s.kind());
            if (translator == null) {
                errors.add(new RuleMessage(s.name(), 0, 0, RuleMessage.Severity.ERROR, Translators.missing(s.kind())));
                continue;
            }
            translator.translate(s, all, errors).ifPresent(t -> compilables.add(new Compilable(s.name(), t.content(),
                    t.type(), t.code(), t.lines(), t.locate(), trusted)));
        }
        // a user's file the sandbox refuses is not given to Drools at all: Drools evaluates parts of a file (its
        // annotations, declared fields' defaults) while it compiles, and a refused file must run nothing
        if (base != null && reachesInto(compilables, base)) {
            return null;
        }
        Set<String> refused = new HashSet<>();
        List<ConditionSandbox.Source> conditions = new ArrayList<>();
        for (Compilable c : compilables) {
            if (c.trusted()) {
                trustedCode.add(c.code());
                continue;
            }
            List<RuleMessage> found = locate(sandbox.check(c.name(), c.code(), IntUnaryOperator.identity()), c);
            errors.addAll(found);
            if (!found.isEmpty()) {
                refused.add(c.name());
            } else if (c.type() != ResourceType.DSL) {
                conditions.add(new ConditionSandbox.Source(c.name(), c.code()));
            }
        }
        Map<String, List<RuleMessage>> conditionErrors = ConditionSandbox.check(conditions, trustedCode, sandbox);
        for (Compilable c : compilables) {
            List<RuleMessage> found = locate(conditionErrors.getOrDefault(c.name(), List.of()), c);
            errors.addAll(found);
            if (!found.isEmpty()) {
                refused.add(c.name());
            }
            if (!refused.contains(c.name())) {
                locators.put(c.name(), c.locate());
                lines.put(c.name(), c.lines());
                kb.add(resource(c.name(), c.content(), c.trusted() ? trustedResources : null), c.type());
            }
        }
        errors.addAll(0, preparedErrors);
        List<RuleMessage> warnings = new ArrayList<>();
        for (KnowledgeBuilderResult res : kb.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
            RuleMessage m = toMessage(res, lines);
            m = locators.getOrDefault(m.file(), UnaryOperator.identity()).apply(m);
            if (m == null) {
                continue;
            }
            (m.severity() == RuleMessage.Severity.ERROR ? errors : warnings).add(m);
        }
        if (errors.isEmpty()) {
            for (RuleMessage m : BytecodeSandbox.check(kb.getKnowledgePackages(), trustedResources, sandbox, lines)) {
                RuleMessage located = locators.getOrDefault(m.file(), UnaryOperator.identity()).apply(m);
                errors.add(located == null ? m : located);
            }
        }
        if (!errors.isEmpty()) {
            errors.addAll(warnings);
            throw new RuleCompilationException(dedup(errors));
        }
        Collection<KiePackage> packages = kb.getKnowledgePackages();
        Set<String> trustedNames = new TreeSet<>();
        trustedResources.forEach(r -> trustedNames.add(r.getSourcePath()));
        if (base != null) {
            Optional<List<KiePackage>> merged = WholeOrder.merge(base.packages(), packages);
            if (merged.isEmpty()) {
                return null;
            }
            packages = merged.get();
            trustedNames.addAll(base.trusted());
            trustedResources.addAll(trustedResources(base));
            warnings.addAll(0, base.warnings());
        }
        if (store != null && !declaresTypes(packages)) {
            // as checked, before instrumenting: a later load checks and instruments again
            store.accept(RuleCache.encode(key, new RuleCache.Entry(packages, trustedNames, warnings)));
        }
        if (base != null) {
            for (KiePackage kp : base.packages()) { // a read package has no class loader until it is given one
                ((InternalKnowledgePackage) kp).getDialectRuntimeRegistry()
                        .onAdd(RuleCompiler.class.getClassLoader());
            }
        }
        // the user's classes run under the rule limits (time budget, sizes): they passed the check, now instrumented
        BytecodeSandbox.instrument(packages, trustedResources);
        return assemble(packages, builtIns, warnings, hash);
    }

    /**
     * @return whether a file to compile names one of the built-in packs' packages (to add to one, import from
     *         one): then it is compiled with the packs, so that it sees them as it always did
     */
    private static boolean reachesInto(List<Compilable> compilables, RuleCache.Entry base) {
        for (KiePackage p : base.packages()) {
            if (p.getRules().isEmpty() && p.getFunctionNames().isEmpty()) {
                continue;
            }
            for (Compilable c : compilables) {
                if (c.code().contains(p.getName())) {
                    LOG.debug("{} names the built-in package {}: compiled with the built-in packs", c.name(),
                            p.getName());
                    return true;
                }
            }
        }
        return false;
    }

    /** One source as Drools compiles it, with the code the sandbox reads and how to place a message in it. */
    private record Compilable(String name, byte[] content, ResourceType type, String code, String[] lines,
                              UnaryOperator<RuleMessage> locate, boolean trusted) {
    }

    private static List<RuleMessage> locate(List<RuleMessage> messages, Compilable c) {
        List<RuleMessage> out = new ArrayList<>();
        for (RuleMessage m : messages) {
            RuleMessage located = c.locate().apply(m);
            if (located != null) {
                out.add(located);
            }
        }
        return out;
    }

    /** @param trusted where to note the resource as the library's own, or null for a user's */
    private static Resource resource(String name, byte[] content, Set<Resource> trusted) {
        Resource r = ResourceFactory.newByteArrayResource(content);
        r.setSourcePath(name);
        if (trusted != null) {
            trusted.add(r);
        }
        return r;
    }

    /** A user rule with the name of a built-in rule replaces it (the built-in is removed). */
    private static void removeOverriddenBuiltIns(InternalKnowledgeBase base, List<RuleSource> builtIns,
                                                 List<RuleMessage> notes) {
        Set<String> builtInFiles = new HashSet<>();
        builtIns.forEach(s -> builtInFiles.add(s.name()));
        Map<String, RuleImpl> builtInRules = new HashMap<>();
        List<RuleImpl> userRules = new ArrayList<>();
        for (KiePackage p : base.getKiePackages()) {
            for (Rule rule : p.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                String file = impl.getResource() == null ? null : impl.getResource().getSourcePath();
                if (file != null && builtInFiles.contains(file)) {
                    builtInRules.put(rule.getName(), impl);
                } else if (file != null) { // every other file is the user's (or a translator's for them)
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
    static String unknownMember(String className, String member) {
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
