package dev.custflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A rule file to load on top of (or instead of) the built-in packs: DRL, a DSL with its DSLR
 * rules, or a decision table. The {@code name} is how the author knows the file (a path relative
 * to the rules folder, or a classpath name); compile errors name it.
 *
 * @param name    the file as the author knows it, e.g. {@code churn-extra.drl}
 * @param kind    what kind of file
 * @param content its bytes (UTF-8 for text)
 */
public record RuleSource(String name, Kind kind, byte[] content) {

    /** The kinds of rule files. */
    public enum Kind {
        /** Drools rule language, {@code .drl}. */
        DRL,
        /** A domain-specific language mapping, {@code .dsl}. */
        DSL,
        /** Rules written in a DSL, {@code .dslr}. */
        DSLR,
        /** A decision table spreadsheet, {@code .drl.xlsx}. */
        DECISION_TABLE_XLSX,
        /** A decision table as CSV, {@code .drl.csv}. */
        DECISION_TABLE_CSV;

        /**
         * @param fileName a file name
         * @return the kind its extension says, or null for a file that is not a rule file
         */
        public static Kind ofFileName(String fileName) {
            String f = fileName.toLowerCase(Locale.ROOT);
            if (f.endsWith(".drl.xlsx")) {
                return DECISION_TABLE_XLSX;
            }
            if (f.endsWith(".drl.csv")) {
                return DECISION_TABLE_CSV;
            }
            if (f.endsWith(".drl")) {
                return DRL;
            }
            if (f.endsWith(".dslr")) {
                return DSLR;
            }
            if (f.endsWith(".dsl")) {
                return DSL;
            }
            return null;
        }
    }

    /** Validates and copies. */
    public RuleSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        content = Objects.requireNonNull(content, "content").clone();
    }

    /**
     * @param name file name
     * @param drl  DRL text
     * @return a DRL source
     */
    public static RuleSource drl(String name, String drl) {
        return new RuleSource(name, Kind.DRL, drl.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param file a rule file
     * @param name the name to report it under (e.g. relative to its folder)
     * @return the source, its kind taken from the file name
     * @throws IllegalArgumentException if the extension is not a rule file's
     */
    public static RuleSource of(Path file, String name) {
        Kind kind = Kind.ofFileName(file.getFileName().toString());
        if (kind == null) {
            throw new IllegalArgumentException("not a rule file (.drl, .dsl, .dslr, .drl.xlsx, .drl.csv): " + file);
        }
        try {
            return new RuleSource(name, kind, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file, e);
        }
    }

    /**
     * Every rule file under a folder ({@code *.drl}, {@code *.dsl}, {@code *.dslr}, {@code *.drl.xlsx},
     * {@code *.drl.csv}), in path order, each named by its path relative to the folder (as errors show it).
     *
     * @param folder the folder
     * @return the rule files
     * @throws IllegalArgumentException if it is not a folder
     * @throws java.io.UncheckedIOException if it cannot be read
     */
    public static java.util.List<RuleSource> allIn(Path folder) {
        if (!java.nio.file.Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder of rules: " + folder.toAbsolutePath());
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(folder)) {
            return files.filter(java.nio.file.Files::isRegularFile)
                    .filter(f -> Kind.ofFileName(f.getFileName().toString()) != null)
                    .sorted()
                    .map(f -> of(f, folder.relativize(f).toString().replace('\\', '/')))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the rules folder " + folder, e);
        }
    }

    /**
     * @param resource a classpath resource, e.g. {@code my/rules/extra.drl}
     * @param loader   the class loader to read it from
     * @return the source
     * @throws IllegalArgumentException if the resource does not exist or is not a rule file
     */
    public static RuleSource ofClasspath(String resource, ClassLoader loader) {
        Kind kind = Kind.ofFileName(resource);
        if (kind == null) {
            throw new IllegalArgumentException("not a rule file (.drl, .dsl, .dslr, .drl.xlsx, .drl.csv): " + resource);
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no such rule resource on the classpath: " + resource);
            }
            return new RuleSource(resource, kind, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule resource " + resource, e);
        }
    }

    /** @return the content as UTF-8 text */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSource r && r.name.equals(name) && r.kind == kind && Arrays.equals(r.content, content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "RuleSource[" + name + ", " + kind + ", " + content.length + " bytes]";
    }
}
