package dev.custflow.internal.compile;

import dev.custflow.RuleMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule sets kept on disk, so that a new process with the same rules skips the compiler (seconds) and
 * reads the compiled packages (a few hundred milliseconds). An entry's file is named by its key: the content hash
 * of the rule sources with what compiled them (this format, the Drools and Java versions, the build of the
 * library and, for files a translator compiles, of each translator), so a changed rule file, a new library
 * build or another JDK is a miss.
 *
 * <p>An entry holds the packages as Drools serialises them before the user's classes are instrumented, the names
 * of the files that were trusted (the built-in packs) and the compiler's warnings, behind a header with the key
 * and the SHA-256 of the rest. Reading checks both: a truncated, corrupt or foreign file (another key, another
 * format) is a miss with a log line, never an error. The caller checks the loaded classes against the sandbox
 * again ({@link RuleCompiler}), so a file that was changed on disk still runs nothing the sandbox refuses.
 * Writes go to a temporary file moved into place atomically: two processes writing the same entry both write
 * whole files, and a reader sees one or the other.
 */
final class RuleCache {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCache.class);
    /** Where the library's build keeps the built-in packs' entries (generated when the jar is packaged). */
    static final String RESOURCE_FOLDER = "dev/custflow/rules/compiled/";
    /** The system property (or environment variable {@code CUSTFLOW_RULE_CACHE}) naming the folder; "off": none. */
    static final String PROPERTY = "custflow.ruleCache";
    static final String ENVIRONMENT = "CUSTFLOW_RULE_CACHE";
    private static final byte[] MAGIC = "custflow compiled rules 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".rules";
    /** Entries kept in a folder; the least recently used beyond it are removed when one is written. */
    static final int KEEP = 64;
    /** What a compiled package may contain; anything else in the stream is refused before it is made. */
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;java.**;org.drools.**;org.kie.**;org.mvel2.**;dev.custflow.**;!*");

    private RuleCache() {
    }

    /**
     * A compiled rule set as stored.
     *
     * @param packages the packages, their user classes not yet instrumented
     * @param trusted  the names of the files compiled as the library's own
     * @param warnings the compiler's warnings
     */
    record Entry(Collection<KiePackage> packages, Set<String> trusted, List<RuleMessage> warnings) {
        /**
         * @param files the source files to keep
         * @return the packages whose every rule and function comes from these files, and those with neither (they
         *         hold only what Drools noted of a class some pattern used, such as {@code java.util.Map$Entry}, as
         *         it would note it again on first use), with their trust and warnings; empty if a package mixes
         *         kept and other files
         */
        Optional<Entry> only(Set<String> files) {
            List<KiePackage> kept = new ArrayList<>();
            for (KiePackage kp : packages) {
                InternalKnowledgePackage p = (InternalKnowledgePackage) kp;
                Set<Boolean> in = new HashSet<>();
                p.getRules().forEach(r -> in.add(from(((RuleImpl) r).getResource(), files)));
                // a function read back has no resource (docs/design/drools10.md): it goes with its package's rules
                p.getFunctions().values().stream().filter(f -> f.getResource() != null)
                        .forEach(f -> in.add(from(f.getResource(), files)));
                if (in.size() > 1) {
                    return Optional.empty();
                }
                if (!in.contains(Boolean.FALSE)) {
                    kept.add(kp);
                }
            }
            Set<String> keptTrusted = new TreeSet<>(trusted);
            keptTrusted.retainAll(files);
            List<RuleMessage> keptWarnings = warnings.stream().filter(w -> files.contains(w.file())).toList();
            return Optional.of(new Entry(kept, keptTrusted, keptWarnings));
        }

        private static boolean from(Resource r, Set<String> files) {
            return r != null && files.contains(r.getSourcePath());
        }
    }

    /** @return the cache folder the host chose (system property, then environment), if any */
    static Optional<Path> folder() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(value.strip()));
    }

    /**
     * @param sourcesHash the hash of the sources (and the sandbox's additions)
     * @param translated  whether a translator (rules-dsl) took part: then its build is part of the key too
     * @return the entry's key: the sources' hash with everything else the compiled classes depend on
     */
    static String key(String sourcesHash, boolean translated) {
        String on = Fingerprint.VALUE + (translated ? Fingerprint.translators() : "");
        return sha256((new String(MAGIC, StandardCharsets.US_ASCII) + on + "\n" + sourcesHash)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the entry the library's jar carries for this key, if any; none with the system property
     *         {@code custflow.ruleCache.builtIns=off} (to measure a start that compiles them, benchmarks/coldstart)
     */
    static Optional<Entry> readBuiltIn(String key, ClassLoader loader) {
        if ("off".equalsIgnoreCase(System.getProperty(PROPERTY + ".builtIns", "on").strip())) {
            return Optional.empty();
        }
        String name = RESOURCE_FOLDER + key + SUFFIX;
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : decode(in.readAllBytes(), key, name, loader);
        } catch (IOException e) {
            LOG.warn("compiled rules {} could not be read ({}): compiling the rules instead", name, e.toString());
            return Optional.empty();
        }
    }

    /** @return the entry in the folder for this key, if there is a whole one */
    static Optional<Entry> read(Path folder, String key, ClassLoader loader) {
        Path file = folder.resolve(key + SUFFIX);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("rule cache: {} could not be read ({}): compiling the rules instead", file, e.toString());
            return Optional.empty();
        }
        Optional<Entry> entry = decode(bytes, key, file.toString(), loader);
        if (entry.isPresent()) {
            try {
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis())); // recently used
            } catch (IOException e) {
                // a read-only cache still serves
            }
        }
        return entry;
    }

    /**
     * Writes an entry, replacing any file of the same key whole; a failure is logged and otherwise ignored (the
     * rules are compiled, only the next process pays again).
     */
    static void write(Path folder, String key, byte[] encoded) {
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            tmp = Files.createTempFile(folder, key.substring(0, 12) + ".", ".tmp");
            Files.write(tmp, encoded);
            Path file = folder.resolve(key + SUFFIX);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            prune(folder);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("rule cache: the compiled rules could not be written to {} ({}); the next run compiles them "
                    + "again", folder, e.toString());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // nothing more to do
                }
            }
        }
    }

    /** Removes the least recently used entries beyond {@link #KEEP}. */
    private static void prune(Path folder) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(folder)) {
            entries = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        if (entries.size() <= KEEP) {
            return;
        }
        List<Path> byUse = new ArrayList<>(entries);
        byUse.sort(Comparator.comparing(RuleCache::lastModified));
        for (Path old : byUse.subList(0, byUse.size() - KEEP)) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** @return the entry as stored: header (magic, key, digest of the rest) and body */
    static byte[] encode(String key, Entry entry) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
            DataOutputStream meta = new DataOutputStream(body);
            meta.writeInt(entry.trusted().size());
            for (String t : new TreeSet<>(entry.trusted())) {
                meta.writeUTF(t);
            }
            meta.writeInt(entry.warnings().size());
            for (RuleMessage m : entry.warnings()) {
                meta.writeUTF(m.file());
                meta.writeInt(m.line());
                meta.writeInt(m.column());
                meta.writeUTF(m.severity().name());
                writeLong(meta, m.message());
            }
            meta.flush();
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(body)) {
                out.writeObject(new ArrayList<>(entry.packages()));
            }
            byte[] b = body.toByteArray();
            ByteArrayOutputStream all = new ByteArrayOutputStream(b.length + 200);
            DataOutputStream head = new DataOutputStream(all);
            head.write(MAGIC);
            head.writeUTF(key);
            head.write(digest(b));
            head.writeInt(b.length);
            head.write(b);
            head.flush();
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the compiled rules could not be serialised", e);
        }
    }

    /** @return the entry, or empty (logged) when the bytes are not a whole entry of this key */
    static Optional<Entry> decode(byte[] bytes, String key, String where, ClassLoader loader) {
        try {
            DataInputStream head = new DataInputStream(new ByteArrayInputStream(bytes));
            byte[] magic = head.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                return miss(where, "not a compiled rule set of this version");
            }
            String stored = head.readUTF();
            if (!stored.equals(key)) {
                return miss(where, "it holds other rules (key " + abbreviate(stored) + ")");
            }
            byte[] digest = head.readNBytes(32);
            int length = head.readInt();
            byte[] body = head.readNBytes(Math.max(0, length));
            if (length < 0 || body.length != length || head.read() != -1) {
                return miss(where, "it is truncated or has extra bytes");
            }
            if (!MessageDigest.isEqual(digest, digest(body))) {
                return miss(where, "its content does not match its SHA-256 (corrupt or changed)");
            }
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            DataInputStream meta = new DataInputStream(in);
            Set<String> trusted = new TreeSet<>();
            for (int i = meta.readInt(); i > 0; i--) {
                trusted.add(meta.readUTF());
            }
            List<RuleMessage> warnings = new ArrayList<>();
            for (int i = meta.readInt(); i > 0; i--) {
                warnings.add(new RuleMessage(meta.readUTF(), meta.readInt(), meta.readInt(),
                        RuleMessage.Severity.valueOf(meta.readUTF()), readLong(meta)));
            }
            try (DroolsObjectInputStream objects = new DroolsObjectInputStream(in, loader)) {
                objects.setObjectInputFilter(CLASSES);
                @SuppressWarnings("unchecked")
                List<KiePackage> packages = (List<KiePackage>) objects.readObject();
                return Optional.of(new Entry(List.copyOf(packages), Set.copyOf(trusted), List.copyOf(warnings)));
            }
        } catch (EOFException e) {
            return miss(where, "it is truncated");
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            return miss(where, "it could not be read: " + e);
        }
    }

    private static Optional<Entry> miss(String where, String why) {
        LOG.warn("rule cache: {} is not used ({}): compiling the rules instead", where, why);
        return Optional.empty();
    }

    private static String abbreviate(String key) {
        return key.length() > 12 ? key.substring(0, 12) + "..." : key;
    }

    /** writeUTF takes 65,535 bytes at most; a compiler message can be longer. */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] b = in.readNBytes(Math.max(0, n));
        if (n < 0 || b.length != n) {
            throw new EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(digest(bytes));
    }

    /**
     * What compiled classes depend on besides the sources: the Drools and Java versions, the library's build (a
     * resource the build writes with its time) and each translator's class file.
     */
    static final class Fingerprint {
        static final String VALUE = compute();

        private Fingerprint() {
        }

        private static String compute() {
            StringBuilder sb = new StringBuilder();
            sb.append("drools ").append(version(org.drools.base.definitions.InternalKnowledgePackage.class));
            sb.append("; java ").append(System.getProperty("java.vm.version"));
            sb.append("; build ").append(build());
            return sb.toString();
        }

        /** The translators are only on the class path with rules-dsl: a key without them needs none. */
        static String translators() {
            StringBuilder sb = new StringBuilder();
            for (RuleTranslator t : Translators.ALL) {
                sb.append("; ").append(t.getClass().getName()).append(' ').append(modified(t.getClass()));
            }
            return sb.toString();
        }

        private static String version(Class<?> c) {
            String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
            if (v != null) {
                return v;
            }
            var source = c.getProtectionDomain().getCodeSource();
            return source == null ? "?" : String.valueOf(source.getLocation());
        }

        private static String build() {
            try (InputStream in = RuleCache.class.getResourceAsStream("build.id")) {
                return in == null ? "unknown " + modified(RuleCache.class)
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return "unknown " + modified(RuleCache.class);
            }
        }

        private static String modified(Class<?> c) {
            URL url = c.getResource(c.getSimpleName() + ".class");
            try {
                return url == null ? "?" : url + "@" + url.openConnection().getLastModified();
            } catch (IOException e) {
                return String.valueOf(url);
            }
        }
    }
}
