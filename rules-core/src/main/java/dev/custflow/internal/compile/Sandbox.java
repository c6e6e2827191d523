package dev.custflow.internal.compile;

import dev.custflow.RuleMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What user rules may use: the fact model, the action builders and an allow-list of harmless JDK
 * classes (docs/rules.md, "The sandbox"). Built-in packs are trusted and never checked.
 *
 * <p>The check reads the text Drools compiles (DRL, a DSLR after expansion, a decision table after
 * it became DRL): comments are skipped, string contents are not code, {@code \}{@code uXXXX} escapes
 * are decoded first (javac would). Every type named in it is resolved as the compiler would: a
 * fully-qualified name, an explicit or wildcard import, a declared type, or {@code java.lang}, and
 * must be allowed. Some members are refused whatever their receiver, because they reach past any
 * allow-list (reflection, class loading, the engine's session, JVM-wide defaults, exit). This is a
 * static check, not a security manager: it stops rule authors from reaching the host by mistake or
 * by a plain attempt, and the limits are documented.
 */
public final class Sandbox {
    /** The classes user rules may use without the host widening the list (docs/rules.md). */
    public static final List<String> DEFAULT_ALLOWED = List.of(
            "dev.custflow.model.*", "dev.custflow.event.*", "dev.custflow.rules.*", "dev.custflow.action.*",
            "dev.custflow.settings.*",
            "java.lang.String", "java.lang.StringBuilder", "java.lang.CharSequence", "java.lang.Math",
            "java.lang.StrictMath", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Float",
            "java.lang.Short", "java.lang.Byte", "java.lang.Boolean", "java.lang.Character", "java.lang.Number",
            "java.lang.Object", "java.lang.Comparable", "java.lang.Iterable", "java.lang.Enum", "java.lang.Record",
            "java.lang.Void", "java.lang.Override", "java.lang.SuppressWarnings", "java.lang.Exception",
            "java.lang.RuntimeException", "java.lang.IllegalArgumentException", "java.lang.IllegalStateException",
            "java.lang.ArithmeticException", "java.lang.NullPointerException", "java.lang.NumberFormatException",
            "java.lang.IndexOutOfBoundsException", "java.lang.UnsupportedOperationException",
            "java.math.*", "java.text.*", "java.time.*", "java.time.format.*", "java.time.temporal.*",
            "java.time.chrono.*", "java.util.*", "java.util.function.*", "java.util.stream.*", "java.util.regex.*");
    /** Classes of allowed packages that are not harmless: they load classes, start threads or read files. */
    private static final Set<String> DENIED_IN_ALLOWED = Set.of("java.util.ServiceLoader", "java.util.Timer",
            "java.util.TimerTask", "java.util.ResourceBundle", "java.util.PropertyResourceBundle",
            "java.util.ListResourceBundle", "java.util.Scanner", "java.util.Formatter");

    /** Members refused whatever the receiver, with why; a method call or (MVEL) a property read. */
    private static final Map<String, String> MEMBERS = members();
    private static final Map<String, String> PROPERTIES = Map.of("class", "getClass", "classLoader",
            "getClassLoader", "contextClassLoader", "getContextClassLoader", "declaredMethods", "getDeclaredMethods",
            "declaredFields", "getDeclaredFields", "declaredConstructors", "getDeclaredConstructors", "kieRuntime",
            "getKieRuntime", "knowledgeRuntime", "getKnowledgeRuntime", "workingMemory", "getWorkingMemory");
    /** Why a class is refused, by the start of its name (first match wins); the rest is not on the list. */
    private static final Map<String, String> CLASS_REASONS = classReasons();
    private static final Pattern ENTRY = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*"
            + "(\\.\\*\\*?)?");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+([0-9a-fA-F]{4})");
    /**
     * The one use of the engine's session a rule may make: reading the globals {@code actions}, {@code schedule}
     * and {@code settings} (the built-in DSL does, because a DSLR file's package need not declare them).
     */
    private static final Pattern GLOBAL_READ = Pattern.compile("drools\\s*\\.\\s*getKieRuntime\\s*\\(\\s*\\)"
            + "\\s*\\.\\s*getGlobal\\s*\\(\\s*\"(actions|schedule|settings)\"\\s*\\)");
    private static final Map<String, Boolean> CLASS_EXISTS = new ConcurrentHashMap<>();

    /** The default allow-list, nothing added. */
    public static final Sandbox DEFAULT = new Sandbox(List.of());

    private final List<String> extra;

    /**
     * @param extra what the host allows on top of {@link #DEFAULT_ALLOWED}: a class
     *              ({@code java.util.concurrent.ConcurrentHashMap}), the classes of a package
     *              ({@code java.util.concurrent.*}) or a package with its sub-packages ({@code com.acme.**})
     * @throws IllegalArgumentException if an entry is none of these
     */
    public Sandbox(List<String> extra) {
        for (String e : extra) {
            check(e);
        }
        this.extra = List.copyOf(extra);
    }

    /**
     * @param entry an allow-list entry
     * @return the entry
     * @throws IllegalArgumentException if it is not a class name, {@code package.*} or {@code package.**}
     */
    public static String check(String entry) {
        Objects.requireNonNull(entry, "entry");
        if (!ENTRY.matcher(entry).matches()) {
            throw new IllegalArgumentException("'" + entry + "' is not a class name, package.* or package.**; e.g. "
                    + "java.util.concurrent.ConcurrentHashMap or java.util.concurrent.*");
        }
        return entry;
    }

    /** @return what the host added to the default allow-list */
    public List<String> extra() {
        return extra;
    }

    /**
     * @param file  the file, as the author knows it
     * @param text  the text Drools compiles
     * @param lines maps a line of {@code text} to a line of the author's file (identity for DRL)
     * @return every use of something rules may not use, as an error at its line and column
     */
    public List<RuleMessage> check(String file, String text, java.util.function.IntUnaryOperator lines) {
        List<Token> tokens = tokens(globalReads(decodeEscapes(text)));
        Map<String, String> imports = new HashMap<>();
        List<String> wildcards = new ArrayList<>(List.of("java.lang"));
        Set<String> declared = new HashSet<>();
        List<RuleMessage> out = new ArrayList<>();
        // first pass: imports and declared types, which name what simple names mean
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            // DRL's keywords start a line: a Java local named declare or package further on is not one
            boolean lineStart = i == 0 || tokens.get(i - 1).line != t.line;
            if (t.is("package") && lineStart) {
                StringBuilder name = new StringBuilder();
                for (int j = i + 1; j < tokens.size() && (tokens.get(j).ident() || tokens.get(j).is("."))
                        && tokens.get(j).line == t.line; j++) {
                    name.append(tokens.get(j).text);
                }
                if (libraryPackage(name.toString())) {
                    out.add(error(file, lines, t, "rules may not be in package " + name + ": it is a package of the "
                            + "class path, whose classes rules would reach without an import. Give the rules a "
                            + "package of their own (e.g. rules.mycompany)"));
                }
            }
            if (t.is("declare") && lineStart && i + 1 < tokens.size() && tokens.get(i + 1).ident()) {
                int n = tokens.get(i + 1).is("trait") || tokens.get(i + 1).is("enum") ? i + 2 : i + 1;
                if (n < tokens.size()) {
                    declared.add(tokens.get(n).text);
                }
            }
            if (t.is("import") && (i == 0 || !tokens.get(i - 1).is("."))) {
                int j = i + 1;
                if (j < tokens.size() && (tokens.get(j).is("function") || tokens.get(j).is("accumulate")
                        || tokens.get(j).is("static"))) {
                    j++;
                }
                StringBuilder name = new StringBuilder();
                while (j < tokens.size() && (tokens.get(j).ident() || tokens.get(j).is(".") || tokens.get(j).is("*"))) {
                    name.append(tokens.get(j).text);
                    j++;
                }
                String n = name.toString();
                if (n.endsWith(".*")) {
                    String pkg = n.substring(0, n.length() - 2);
                    if (!packageMayHaveAllowed(pkg) && !classExists(pkg)) {
                        out.add(error(file, lines, t, "rules may not import " + n + ": " + reason(pkg + ".")));
                    }
                    wildcards.add(pkg);
                } else if (n.lastIndexOf('.') > 0) {
                    imports.put(n.substring(n.lastIndexOf('.') + 1), n);
                }
            }
        }
        int reportedUntil = -1; // the tokens of a name already reported
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.ident() || i <= reportedUntil) {
                continue;
            }
            boolean afterDot = i > 0 && tokens.get(i - 1).is(".");
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
            String member = MEMBERS.containsKey(t.text) && call ? t.text
                    : afterDot && PROPERTIES.containsKey(t.text) ? PROPERTIES.get(t.text) : null;
            if (t.is("class") && afterDot) {
                member = "getClass";
            }
            if (member != null) {
                String receiver = afterDot && i > 1 && tokens.get(i - 2).ident() ? tokens.get(i - 2).text + "." : "";
                out.add(error(file, lines, t, "rules may " + (call ? "not call " : "not use ") + receiver + t.text
                        + ": " + MEMBERS.get(member)));
                continue;
            }
            if (afterDot) {
                continue;
            }
            // the start of a name: a type, a fully-qualified name, or a variable
            List<Token> chain = chain(tokens, i);
            Optional<Resolved> type = resolve(chain, imports, wildcards, declared);
            if (type.isPresent() && !allowed(binaryName(type.get().name))) {
                Resolved r = type.get();
                String what = r.name.startsWith("java.lang.") && r.name.lastIndexOf('.') == 9
                        ? r.name.substring(10) : r.name;
                boolean imported = i > 0 && tokens.get(i - 1).is("import");
                String message;
                if (imported || r.segments >= chain.size()) {
                    message = "rules may not " + (imported ? "import " : "use ") + what + ": " + reason(r.name);
                } else {
                    String next = chain.get(r.segments).text;
                    int after = i + 2 * r.segments + 1;
                    boolean calls = after < tokens.size() && tokens.get(after).is("(");
                    message = "rules may not " + (calls ? "call " : "use ") + what + "." + next + ": "
                            + (calls && MEMBERS.containsKey(next) ? MEMBERS.get(next) : reason(r.name));
                }
                out.add(error(file, lines, t, message));
                reportedUntil = i + 2 * (chain.size() - 1);
            }
        }
        return out;
    }

    private record Resolved(String name, int segments) {
    }

    private Optional<Resolved> resolve(List<Token> chain, Map<String, String> imports, List<String> wildcards,
                                       Set<String> declared) {
        String first = chain.get(0).text;
        if (first.startsWith("$") || declared.contains(first)) {
            return Optional.empty();
        }
        if (imports.containsKey(first)) {
            return Optional.of(new Resolved(imports.get(first), 1));
        }
        // a fully-qualified name: the shortest prefix that is a class
        StringBuilder name = new StringBuilder(first);
        for (int k = 1; k < chain.size() && k < 10; k++) {
            name.append('.').append(chain.get(k).text);
            if (Character.isUpperCase(chain.get(k).text.charAt(0)) && classExists(name.toString())) {
                return Optional.of(new Resolved(name.toString(), k + 1));
            }
        }
        if (!Character.isUpperCase(first.charAt(0))) {
            return Optional.empty();
        }
        for (String pkg : wildcards) {
            if (classExists(pkg + "." + first)) {
                return Optional.of(new Resolved(pkg + "." + first, 1));
            }
        }
        return Optional.empty();
    }

    /**
     * @param className a fully-qualified class name
     * @return true if user rules may use it
     */
    public boolean allowed(String className) {
        for (String e : extra) {
            if (matches(e, className)) {
                return true; // the host decided
            }
        }
        if (DENIED_IN_ALLOWED.contains(className)) {
            return false;
        }
        for (String e : DEFAULT_ALLOWED) {
            if (matches(e, className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String entry, String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        if (entry.endsWith(".**")) {
            return outer.startsWith(entry.substring(0, entry.length() - 2));
        }
        if (entry.endsWith(".*")) {
            String pkg = entry.substring(0, entry.length() - 1);
            return outer.startsWith(pkg) && outer.indexOf('.', pkg.length()) < 0;
        }
        return outer.equals(entry);
    }

    /**
     * A package with classes on the class path (a library's, the JDK's, the engine's) that is not wholly on the
     * allow-list: a rule file declaring it would see its classes without an import.
     */
    private boolean libraryPackage(String pkg) {
        if (pkg.isEmpty() || allowed(pkg + ".AnyClass") && !pkg.startsWith("java.")) {
            return false;
        }
        for (String p : List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.drools.", "org.kie.", "org.mvel2.")) {
            if ((pkg + ".").startsWith(p)) {
                return true;
            }
        }
        ClassLoader loader = Sandbox.class.getClassLoader();
        return loader.getDefinedPackage(pkg) != null || loader.getResource(pkg.replace('.', '/')) != null
                || ClassLoader.getPlatformClassLoader().getDefinedPackage(pkg) != null;
    }

    private boolean packageMayHaveAllowed(String pkg) {
        List<String> all = new ArrayList<>(DEFAULT_ALLOWED);
        all.addAll(extra);
        for (String e : all) {
            String p = e.endsWith(".**") ? e.substring(0, e.length() - 3) : e.substring(0, Math.max(0, e.lastIndexOf('.')));
            if (p.equals(pkg) || e.endsWith(".**") && pkg.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param name a method's name
     * @return why rules may not call a method of that name whatever its class, or null if they may
     */
    static String refusedMember(String name) {
        return MEMBERS.get(name);
    }

    /**
     * @param className a class rules may not use
     * @return why, in words (without the hint on widening the list)
     */
    static String reasonFor(String className) {
        for (Map.Entry<String, String> e : CLASS_REASONS.entrySet()) {
            if (className.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return "it is not on the sandbox's allow-list";
    }

    private static String reason(String name) {
        for (Map.Entry<String, String> e : CLASS_REASONS.entrySet()) {
            if (name.startsWith(e.getKey())) {
                return e.getValue() + ALLOW_HINT;
            }
        }
        return "it is not on the sandbox's allow-list" + ALLOW_HINT;
    }

    private static final String ALLOW_HINT = ". Rules read the fact model and act through actions and schedule; a "
            + "host can allow more classes (docs/rules.md#the-sandbox)";

    private static Map<String, String> classReasons() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("java.lang.System", "System reaches the host's process (exit, environment, properties, standard "
                + "streams)");
        r.put("java.lang.Runtime", "Runtime starts processes and stops the host");
        r.put("java.lang.Process", "it starts processes on the host");
        r.put("java.lang.Thread", "threads run outside the engine's partitions and its firing limit");
        r.put("java.util.concurrent", "threads and executors run outside the engine's partitions");
        r.put("java.util.Timer", "timers run outside the engine's clock and partitions");
        r.put("java.lang.reflect", "reflection gets around the sandbox");
        r.put("java.lang.invoke", "method handles get around the sandbox");
        r.put("java.lang.Class", "reflection gets around the sandbox");
        r.put("java.lang.Module", "class loading gets around the sandbox");
        r.put("java.lang.StackWalker", "reflection gets around the sandbox");
        r.put("java.util.ServiceLoader", "class loading gets around the sandbox");
        r.put("java.util.ResourceBundle", "it loads classes and files by name");
        r.put("java.io", "files and streams belong to the host");
        r.put("java.nio", "files and channels belong to the host");
        r.put("java.net", "network access belongs to the host's connectors");
        r.put("javax.net", "network access belongs to the host's connectors");
        r.put("java.sql", "databases belong to the host's connectors");
        r.put("javax.script", "a script engine runs code the sandbox never sees");
        r.put("sun.", "JDK internals (unsafe memory access) are off limits");
        r.put("jdk.", "JDK internals are off limits");
        r.put("com.sun.", "JDK internals are off limits");
        r.put("org.drools", "the rule engine's internals belong to Custflow");
        r.put("org.kie", "the rule engine's internals belong to Custflow");
        r.put("org.mvel2", "an expression language evaluator runs code the sandbox never sees");
        r.put("dev.custflow.internal", "the engine's internals are not part of the fact model");
        return r;
    }

    private static Map<String, String> members() {
        Map<String, String> m = new HashMap<>();
        String reflection = "reflection gets around the sandbox";
        String loading = "class loading gets around the sandbox";
        m.put("exit", "it would stop the host");
        m.put("halt", "it would stop the host (or the engine's session)");
        m.put("getenv", "the host's environment is not the rules' business: put values in settings");
        for (String p : List.of("getProperty", "getProperties", "setProperty", "setProperties", "clearProperty")) {
            m.put(p, "the host's system properties are not the rules' business: put values in settings");
        }
        m.put("exec", "it starts processes on the host");
        for (String p : List.of("getInteger", "getLong", "getBoolean")) {
            m.put(p, "it reads system properties: put values in settings");
        }
        for (String l : List.of("forName", "loadClass", "getClassLoader", "getContextClassLoader", "defineClass",
                "getSystemClassLoader", "loadLibrary")) {
            m.put(l, loading);
        }
        for (String r : List.of("getClass", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField",
                "getDeclaredFields", "getDeclaredConstructor", "getDeclaredConstructors", "getMethod", "getMethods",
                "getField", "getFields", "getConstructor", "getConstructors", "newInstance", "invoke",
                "setAccessible", "getRecordComponents")) {
            m.put(r, reflection);
        }
        for (String k : List.of("getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getKieBase",
                "getKnowledgeBase", "getEntryPoint", "getChannels")) {
            m.put(k, "the engine's session belongs to Custflow: act through actions and schedule");
        }
        for (String w : List.of("wait", "notify", "notifyAll", "sleep")) {
            m.put(w, "a rule must not block or signal the engine's threads");
        }
        m.put("setDefault", "it changes a default of the whole JVM (Locale, TimeZone), not only of the rules");
        return Map.copyOf(m);
    }

    // ---------------------------------------------------------------- tokens

    private record Token(String text, int line, int column, boolean ident) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    private static List<Token> chain(List<Token> tokens, int start) {
        List<Token> chain = new ArrayList<>();
        chain.add(tokens.get(start));
        int j = start + 1;
        while (j + 1 < tokens.size() && tokens.get(j).is(".") && tokens.get(j + 1).ident()) {
            chain.add(tokens.get(j + 1));
            j += 2;
        }
        return chain;
    }

    /** Each allowed read of a global, as the global's name padded to the same length (places stay the same). */
    private static String globalReads(String text) {
        Matcher m = GLOBAL_READ.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String padded = m.group(1) + m.group().substring(m.group(1).length()).replaceAll("[^\\n]", " ");
            m.appendReplacement(sb, Matcher.quoteReplacement(padded));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String decodeEscapes(String text) {
        Matcher m = UNICODE_ESCAPE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Identifiers and punctuation with their place; comments and the contents of strings left out. */
    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = ++i;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = end;
            } else if (c == '"' || c == '\'') {
                int k = i + 1;
                while (k < n && text.charAt(k) != c && text.charAt(k) != '\n') {
                    k += text.charAt(k) == '\\' ? 2 : 1;
                }
                out.add(new Token("\"\"", line, i - lineStart + 1, false));
                i = Math.min(k + 1, n);
            } else if (Character.isJavaIdentifierStart(c)) {
                int k = i + 1;
                while (k < n && Character.isJavaIdentifierPart(text.charAt(k))) {
                    k++;
                }
                out.add(new Token(text.substring(i, k), line, i - lineStart + 1, true));
                i = k;
            } else if (Character.isDigit(c)) {
                int k = i + 1;
                while (k < n && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '_')) {
                    k++;
                }
                i = k; // a number (its '.' stays a separate token, harmless)
            } else if (!Character.isWhitespace(c)) {
                out.add(new Token(String.valueOf(c), line, i - lineStart + 1, false));
                i++;
            } else {
                i++;
            }
        }
        return out;
    }

    /** A nested class imported with dots ({@code a.Outer.Inner}) by its class-file name ({@code a.Outer$Inner}). */
    private static String binaryName(String name) {
        Class<?> c = ConditionScope.loadNested(name);
        return c == null ? name : c.getName();
    }

    private static boolean classExists(String name) {
        return CLASS_EXISTS.computeIfAbsent(name, k -> {
            try {
                Class.forName(k, false, Sandbox.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                return false;
            }
        });
    }

    private static RuleMessage error(String file, java.util.function.IntUnaryOperator lines, Token t, String message) {
        return new RuleMessage(file, lines.applyAsInt(t.line), t.column, RuleMessage.Severity.ERROR, message);
    }
}
