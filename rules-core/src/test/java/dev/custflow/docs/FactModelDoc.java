package dev.custflow.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes docs/fact-model.md from the Javadoc of the fact model's sources: every public type of the packages rules
 * read, its getters and helper functions (as a condition writes them), the action builders, each with the first
 * sentence of its Javadoc. Members whose Javadoc says they are for the engine ("Engine use only", "Rules call
 * ...", "Rules never call it") are left out: rules change a customer only through {@code actions}. So are types the
 * engine keeps for itself ("Engine use: ..."). A type another one extends is listed with it, its members first:
 * {@code Customer} is read as one type however its sources are split.
 *
 * <p>A plain reader of this project's sources, not a Java parser: one top-level type per file, Javadoc right above
 * each declaration, members at the first level of braces.
 */
public final class FactModelDoc {
    /** The packages, in the order of the document, with what they are for. */
    private static final List<String[]> PACKAGES = List.of(
            new String[] {"dev/custflow/model", "The customer and its parts", "What rule conditions read: "
                    + "`Customer` (one per customer, 一客一档) and the values its getters return."},
            new String[] {"dev/custflow/rules", "Action builders and helpers", "The globals `actions`, `schedule` and `workingTime`, "
                    + "and the facts and helpers the built-in packs use."},
            new String[] {"dev/custflow/event", "Events", "The event facts a rule may match (`OrderPlaced()`, "
                    + "`ClockTick()`...); their fields are read like getters."},
            new String[] {"dev/custflow/action", "Action values", "The constants action builders take "
                    + "(`TaskKind.CARE_CALL`, `Level.HIGH`...)."});
    /** Of the action package only the values a rule passes to a builder; the rest is what the host receives. */
    private static final List<String> ACTION_VALUES = List.of("Channel", "Level", "TaskKind", "Template");
    private static final Pattern ENGINE_ONLY = Pattern.compile("(?i)engine use|rules call|rules never call|"
            + "never called by rules");
    private static final Pattern TYPE = Pattern.compile("^public\\s+(?:(?:final|abstract|sealed|static)\\s+)*"
            + "(class|interface|record|enum)\\s+(\\w+)");

    private FactModelDoc() {
    }

    /**
     * @param args the source folder ({@code rules-core/src/main/java}) and the file to write
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[1]), generate(Path.of(args[0])), StandardCharsets.UTF_8);
    }

    /**
     * @param sources rules-core's {@code src/main/java}
     * @return the Markdown of docs/fact-model.md
     * @throws IOException if a source cannot be read
     */
    public static String generate(Path sources) throws IOException {
        StringBuilder md = new StringBuilder("""
                # The fact model: what a rule can read and do

                <!-- Generated from the Javadoc of rules-core's sources by FactModelDoc; FactModelDocTest fails when it
                     is out of date. Regenerate: mvn -B -q test -pl rules-core -am -Dtest=FactModelDocTest
                     -Dfactmodel.write=true -Dsurefire.failIfNoSpecifiedTests=false -->

                Rules read the fact model and act through the `actions` and `schedule` globals; the
                [sandbox](rules.md#the-sandbox) refuses anything else. In a condition a getter is written as a
                property: `getOrderCount()` is `orderCount`, `isHasOrdered()` is `hasOrdered`; other methods are
                called as they are (`hasTag("vip")`, `ordersWithinDays(365)`). Each entry is the first sentence of the
                member's Javadoc; members the engine keeps for itself (setters, `apply`) are left out.

                """);
        for (String[] p : PACKAGES) {
            md.append("## ").append(p[1]).append(" (`").append(p[0].replace('/', '.')).append("`)\n\n")
                    .append(p[2]).append("\n\n");
            List<Path> files;
            try (Stream<Path> s = Files.list(sources.resolve(p[0]))) {
                files = s.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).sorted()
                        .toList();
            }
            Map<String, String> sourcesByName = new LinkedHashMap<>();
            for (Path f : files) {
                sourcesByName.put(f.getFileName().toString().replace(".java", ""),
                        Files.readString(f, StandardCharsets.UTF_8));
            }
            Set<String> extended = new HashSet<>();
            sourcesByName.values().forEach(src -> superType(src).filter(sourcesByName::containsKey)
                    .ifPresent(extended::add));
            for (Map.Entry<String, String> f : sourcesByName.entrySet()) {
                String name = f.getKey();
                if (p[0].endsWith("action") && !ACTION_VALUES.contains(name) || extended.contains(name)) {
                    continue;
                }
                type(f.getValue(), sourcesByName, md);
            }
        }
        return md.toString();
    }

    private record Decl(String javadoc, String text, int depth) {
    }

    /** @return the class a type's source extends, if any */
    private static Optional<String> superType(String source) {
        Decl top = top(declarations(source));
        Matcher m = top == null ? null : Pattern.compile("\\bextends\\s+(\\w+)").matcher(top.text);
        return m != null && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Decl top(List<Decl> decls) {
        return decls.stream().filter(d -> d.depth == 0 && TYPE.matcher(d.text).find()).findFirst().orElse(null);
    }

    private static void type(String source, Map<String, String> sourcesByName, StringBuilder md) {
        Decl top = top(declarations(source));
        if (top == null || ENGINE_ONLY.matcher(top.javadoc).find()) {
            return; // not public, or kept by the engine
        }
        Matcher t = TYPE.matcher(top.text);
        t.find();
        md.append("### ").append(t.group(2)).append("\n").append(firstSentence(top.javadoc)).append("\n\n");
        if (t.group(1).equals("enum")) {
            String body = source.substring(source.indexOf('{', source.indexOf(top.text)) + 1);
            String constants = body.split(";", 2)[0].replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
            List<String> names = new ArrayList<>();
            for (String c : constants.split(",")) {
                Matcher m = Pattern.compile("^\\s*([A-Z][A-Z0-9_]*)").matcher(c);
                if (m.find()) {
                    names.add("`" + m.group(1) + "`");
                }
            }
            md.append("Values: ").append(String.join(", ", names)).append(".\n\n");
        }
        List<String[]> rows = rows(source, t.group(2), sourcesByName);
        if (!rows.isEmpty()) {
            md.append("| in a rule | what it is |\n|---|---|\n");
            for (String[] r : rows) {
                md.append("| ").append(r[0]).append(" | ").append(r[1].replace("|", "\\|")).append(" |\n");
            }
            md.append('\n');
        }
    }

    /** The rows of a type's members, those of the class it extends in the same package first. */
    private static List<String[]> rows(String source, String name, Map<String, String> sourcesByName) {
        List<Decl> decls = declarations(source);
        Decl top = top(decls);
        Matcher t = TYPE.matcher(top.text);
        t.find();
        String kind = t.group(1);
        List<String[]> rows = new ArrayList<>();
        Optional<String> parent = superType(source).filter(sourcesByName::containsKey);
        if (parent.isPresent()) {
            rows.addAll(rows(sourcesByName.get(parent.get()), name, sourcesByName));
        }
        if (kind.equals("record")) {
            Matcher comps = Pattern.compile("record\\s+\\w+\\s*(?:<[^>]*>)?\\((.*?)\\)\\s*(?:implements|\\{)",
                    Pattern.DOTALL).matcher(top.text);
            if (comps.find()) {
                for (String c : splitParams(comps.group(1))) {
                    String field = c.substring(c.lastIndexOf(' ') + 1);
                    rows.add(new String[] {"`" + field + "`", param(top.javadoc, field)});
                }
            }
        }
        for (Decl d : decls) {
            if (d.depth != 1 || d.javadoc == null || ENGINE_ONLY.matcher(d.javadoc).find()) {
                continue;
            }
            String member = member(d.text, kind.equals("interface"), name);
            if (member != null) {
                String text = firstSentence(d.javadoc);
                rows.add(new String[] {member, text.isEmpty() ? "" : text});
            }
        }
        return rows;
    }

    /** @return how a rule writes the member, or null for what is not one (a constructor, a field, a private member) */
    private static String member(String decl, boolean inInterface, String typeName) {
        String d = decl.replaceAll("@\\w+(\\([^)]*\\))?\\s*", "").replaceAll("\\s+", " ").strip();
        if (d.matches(".*\\b(class|record|enum|interface)\\s+\\w+.*")) {
            return null; // a nested type
        }
        boolean isPublic = d.startsWith("public ");
        if (!isPublic && !(inInterface && !d.startsWith("private ") && !d.startsWith("default ") || inInterface
                && d.startsWith("default "))) {
            return null;
        }
        Matcher m = Pattern.compile("^(?:(?:public|static|final|default|synchronized)\\s+)*(?:<[^>]+>\\s+)?"
                + "([\\w.<>\\[\\], ?]+?)\\s+(\\w+)\\s*\\((.*)\\)").matcher(d);
        if (!m.find() || m.group(2).equals(typeName)) {
            return null;
        }
        boolean isStatic = d.matches("^(public\\s+)?static\\s.*");
        String method = m.group(2);
        List<String> params = splitParams(m.group(3));
        if (params.isEmpty() && !isStatic) {
            if (method.startsWith("get") && method.length() > 3 && Character.isUpperCase(method.charAt(3))) {
                return "`" + Character.toLowerCase(method.charAt(3)) + method.substring(4) + "`";
            }
            if (method.startsWith("is") && method.length() > 2 && Character.isUpperCase(method.charAt(2))) {
                return "`" + Character.toLowerCase(method.charAt(2)) + method.substring(3) + "`";
            }
        }
        List<String> names = params.stream().map(p -> p.substring(p.lastIndexOf(' ') + 1)).toList();
        return "`" + (isStatic ? typeName + "." : "") + method + "(" + String.join(", ", names) + ")`";
    }

    private static List<String> splitParams(String params) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : params.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out.stream().map(p -> p.replaceAll("@\\w+\\s+", "").replaceAll("\\s+", " ")).toList();
    }

    /** Javadoc comments with the declaration that follows each, and its depth of braces. */
    private static List<Decl> declarations(String src) {
        List<Decl> out = new ArrayList<>();
        int depth = 0;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("/**", i)) {
                int end = src.indexOf("*/", i);
                String doc = src.substring(i + 3, end);
                int start = end + 2;
                int stop = start;
                while (stop < n && src.charAt(stop) != '{' && src.charAt(stop) != ';' && src.charAt(stop) != '=') {
                    stop++;
                }
                // a record's header has parentheses with commas before its brace
                int from = withoutAnnotations(src, start);
                while (stop < from) { // an annotation's own braces or '=' came first
                    stop++;
                    while (stop < n && src.charAt(stop) != '{' && src.charAt(stop) != ';' && src.charAt(stop) != '=') {
                        stop++;
                    }
                }
                String decl = src.substring(from, Math.min(n, stop + 1)).strip();
                out.add(new Decl(doc, decl, depth));
                i = start;
            } else if (src.startsWith("/*", i)) {
                i = src.indexOf("*/", i) + 2;
            } else if (src.startsWith("//", i)) {
                int e = src.indexOf('\n', i);
                i = e < 0 ? n : e;
            } else if (c == '"' || c == '\'') {
                if (src.startsWith("\"\"\"", i)) {
                    i = src.indexOf("\"\"\"", i + 3) + 3;
                    continue;
                }
                int k = i + 1;
                while (k < n && src.charAt(k) != c) {
                    k += src.charAt(k) == '\\' ? 2 : 1;
                }
                i = k + 1;
            } else {
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                i++;
            }
        }
        // the public type without a Javadoc of its own still counts as the type
        if (out.stream().noneMatch(d -> d.depth == 0 && TYPE.matcher(d.text).find())) {
            Matcher t = Pattern.compile("(?m)^public\\s[^{]*").matcher(src);
            if (t.find()) {
                out.add(0, new Decl("", t.group(), 0));
            }
        }
        return out;
    }

    /** @return where the declaration starts after {@code start}, past annotations and their (nested) arguments */
    private static int withoutAnnotations(String src, int start) {
        int i = start;
        while (true) {
            while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
                i++;
            }
            if (i >= src.length() || src.charAt(i) != '@' || src.startsWith("@interface", i)) {
                return i;
            }
            i++;
            while (i < src.length() && (Character.isJavaIdentifierPart(src.charAt(i)) || src.charAt(i) == '.')) {
                i++;
            }
            if (i < src.length() && src.charAt(i) == '(') {
                int depth = 0;
                do {
                    depth += src.charAt(i) == '(' ? 1 : src.charAt(i) == ')' ? -1 : 0;
                    i++;
                } while (i < src.length() && depth > 0);
            }
        }
    }

    private static String clean(String javadoc) {
        String t = javadoc.replaceAll("(?m)^\\s*\\*\\s?", "").replaceAll("\\s+", " ").strip();
        t = t.replaceAll("\\{@(?:code|literal) ([^{}]*(?:\\{[^{}]*}[^{}]*)*)}", "`$1`");
        t = t.replaceAll("\\{@link(?:plain)? #(\\w+)(?:\\([^)]*\\))?[^}]*}", "`$1`");
        t = t.replaceAll("\\{@link(?:plain)? (?:[\\w.]*\\.)?(\\w+)#(\\w+)(?:\\([^)]*\\))?[^}]*}", "`$1.$2`");
        t = t.replaceAll("\\{@link(?:plain)? ([\\w.]+)[^}]*}", "`$1`");
        return t.replaceAll("</?(?:p|h2|h3|ul|ol|li|em|b|i|strong|pre|br)\\s*/?>", "");
    }

    /** @return the first sentence, or for a doc that is only tags its {@code @return} */
    static String firstSentence(String javadoc) {
        if (javadoc == null) {
            return "";
        }
        String all = clean(javadoc);
        String body = all.split("(?<=\\s|^)@(param|return|throws)\\b", 2)[0].strip();
        if (body.isEmpty()) {
            Matcher r = Pattern.compile("@return (.*?)(?=\\s@\\w+|$)").matcher(all);
            if (!r.find()) {
                return "";
            }
            String ret = r.group(1).strip();
            if (ret.isEmpty()) {
                return "";
            }
            body = Character.toUpperCase(ret.charAt(0)) + ret.substring(1);
        }
        Matcher end = Pattern.compile("^(.+?[.!?])(?=\\s+\\p{Lu}|\\s*$)").matcher(body);
        String s = end.find() ? end.group(1) : body;
        return s.endsWith(".") || s.endsWith(")") ? s : s + ".";
    }

    private static String param(String javadoc, String name) {
        Matcher m = Pattern.compile("@param\\s+" + Pattern.quote(name) + "\\s+(.*?)(?=\\s@\\w+|$)")
                .matcher(clean(javadoc == null ? "" : javadoc));
        if (!m.find()) {
            return "";
        }
        String s = m.group(1).strip();
        return s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
