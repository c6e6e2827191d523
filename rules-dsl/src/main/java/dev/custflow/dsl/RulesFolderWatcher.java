package dev.custflow.dsl;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.custflow.Engine;
import dev.custflow.ReloadResult;
import dev.custflow.RuleMessage;
import dev.custflow.RuleSource;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads a running engine when its rules folder changes: an author saves a rule file or {@code settings.yaml},
 * and the engine runs the new rules from its next batch, keeping every customer's state. Opt-in; one thread.
 *
 * <pre>{@code
 * Path folder = Path.of("rules");
 * RulesFolder rules = RulesFolder.load(folder);
 * try (Engine engine = Custflow.builder().rules(rules.sources()).settings(rules.settingsOver(Settings.ofDefaults()))
 *              .build();
 *      RulesFolderWatcher watcher = RulesFolderWatcher.watch(engine, folder)) {
 *     ... // serve events; edits to the folder take effect as they are saved
 * }
 * }</pre>
 *
 * <p>Changes are debounced: the folder is read once it has been quiet for a moment (300 ms by default), so an
 * editor's save, or a checkout of many files, causes one reload. Only rule files ({@code *.drl}, {@code *.dsl},
 * {@code *.dslr}, {@code *.drl.xlsx}, {@code *.drl.csv}), settings files and folders count; an editor's swap
 * files do not. Every reload goes through {@link Engine#reload(List, Settings)}: rules that do not compile, a
 * settings file with an error, or a setting that cannot change live leave the previous rules running and are
 * reported with file and line to the {@link Builder#onResult listener} and the log. A folder whose content did not
 * change costs no compile (the engine caches rule sets by content hash).
 */
public final class RulesFolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesFolderWatcher.class);
    private static final List<String> SETTINGS_NAMES = List.of("settings.yaml", "settings.yml", "settings.json");

    private final Engine engine;
    private final Path root;
    private final Duration debounce;
    private final Function<RulesFolder, Settings> settings;
    private final Consumer<ReloadResult> onResult;
    private WatchService service;
    private final Map<WatchKey, Path> watched = new HashMap<>();
    private Thread thread;

    private RulesFolderWatcher(Builder b) {
        this.engine = b.engine;
        this.root = b.folder;
        this.debounce = b.debounce;
        this.settings = b.settings;
        this.onResult = b.onResult;
    }

    /**
     * Starts watching with the defaults: 300 ms of quiet before a reload, the folder's settings file over the
     * catalog defaults, results only logged.
     *
     * @param engine the engine to reload
     * @param folder the rules folder it was built from
     * @return the running watcher; close it to stop
     * @throws IllegalArgumentException if the folder is not a folder
     * @throws UncheckedIOException     if the folder cannot be watched
     */
    public static RulesFolderWatcher watch(Engine engine, Path folder) {
        return builder(engine, folder).start();
    }

    /**
     * @param engine the engine to reload
     * @param folder the rules folder it was built from
     * @return a builder for a watcher with other options
     */
    public static Builder builder(Engine engine, Path folder) {
        return new Builder(engine, folder);
    }

    /**
     * Reads the folder and reloads the engine now, as a change would: what the watching thread does, and what a host
     * calls itself to reload on demand (an admin command, a signal).
     *
     * @return what the reload did; a folder that cannot be read or a settings file with an error gives
     *         {@link ReloadResult.Status#REJECTED} with the file and line, and the previous rules keep running
     * @throws IllegalStateException if the engine is closed
     */
    public synchronized ReloadResult reloadNow() {
        ReloadResult result = readAndReload();
        try {
            onResult.accept(result);
        } catch (RuntimeException e) {
            LOG.warn("the rules folder watcher's listener failed: {}", e.toString(), e);
        }
        return result;
    }

    private ReloadResult readAndReload() {
        RulesFolder folder;
        try {
            folder = RulesFolder.load(root);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return refused(new RuleMessage(root.toString(), 0, 0, RuleMessage.Severity.ERROR,
                    "cannot read the rules folder: " + e.getMessage()));
        }
        Settings next;
        try {
            next = settings.apply(folder);
        } catch (InvalidSettingsException e) {
            return refused(settingsMessage(folder, e));
        } catch (UncheckedIOException e) {
            return refused(new RuleMessage(folder.settings().map(p -> root.relativize(p).toString())
                    .orElse("settings"), 0, 0, RuleMessage.Severity.ERROR, e.getMessage()));
        }
        return engine.reload(folder.sources(), next);
    }

    /** A reload refused before it reached the engine; logged here, as the engine logs its own. */
    private ReloadResult refused(RuleMessage problem) {
        ReloadResult r = ReloadResult.rejected(List.of(problem), engine.ruleNames());
        LOG.warn("{}", r);
        return r;
    }

    private static RuleMessage settingsMessage(RulesFolder folder, InvalidSettingsException e) {
        String file = folder.settings().map(p -> folder.root().relativize(p).toString()).orElse("settings");
        String where = e.location() == null ? "" : e.location();
        String lineText = where.substring(where.lastIndexOf(':') + 1);
        int line = lineText.matches("\\d+") ? Integer.parseInt(lineText) : 0;
        return new RuleMessage(file, line, 0, RuleMessage.Severity.ERROR, e.detail());
    }

    private synchronized void startWatching() {
        try {
            service = root.getFileSystem().newWatchService();
            registerAll(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the rules folder " + root, e);
        }
        thread = new Thread(this::loop, "custflow-rules-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerAll(Path dir) throws IOException {
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                watched.put(d.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), d);
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                boolean relevant = drain(service.take());
                // debounce: reload once the folder has been quiet for a while
                WatchKey more;
                while ((more = service.poll(debounce.toNanos(), TimeUnit.NANOSECONDS)) != null) {
                    relevant |= drain(more);
                }
                if (relevant) {
                    reloadNow();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: stop
        } catch (IllegalStateException e) {
            LOG.info("stopped watching {}: {}", root, e.getMessage()); // the engine was closed
        } catch (RuntimeException e) {
            LOG.error("stopped watching {} after an unexpected error", root, e);
        }
    }

    /** @return true if a change concerns the rules: a rule file, a settings file, a folder, or lost events */
    private boolean drain(WatchKey key) {
        Path dir;
        synchronized (this) {
            dir = watched.get(key);
        }
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || dir == null) {
                relevant = true;
                continue;
            }
            Path changed = dir.resolve((Path) event.context());
            String name = changed.getFileName().toString();
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
                try {
                    synchronized (this) {
                        registerAll(changed);
                    }
                } catch (IOException e) {
                    LOG.warn("cannot watch the new folder {}: {}", changed, e.toString());
                }
                relevant = true;
            } else if (RuleSource.Kind.ofFileName(name) != null || SETTINGS_NAMES.contains(name)
                    || watched.containsValue(changed)) {
                relevant = true;
            }
        }
        if (!key.reset()) {
            synchronized (this) {
                watched.remove(key); // the folder is gone
            }
        }
        return relevant;
    }

    /** Stops watching (the engine keeps its rules); waits for a reload under way to finish. */
    @Override
    public void close() {
        WatchService s;
        Thread t;
        synchronized (this) {
            s = service;
            t = thread;
            service = null;
        }
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            LOG.warn("cannot close the watch service of {}: {}", root, e.toString());
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Options of a {@link RulesFolderWatcher}. */
    public static final class Builder {
        private final Engine engine;
        private final Path folder;
        private Duration debounce = Duration.ofMillis(300);
        private Function<RulesFolder, Settings> settings = f -> f.settingsOver(Settings.ofDefaults());
        private Consumer<ReloadResult> onResult = r -> { };

        private Builder(Engine engine, Path folder) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.folder = Objects.requireNonNull(folder, "folder");
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("not a folder of rules: " + folder.toAbsolutePath());
            }
        }

        /**
         * @param quiet how long the folder must stay unchanged before it is read (default 300 ms)
         * @return this
         */
        public Builder debounce(Duration quiet) {
            if (quiet.isNegative()) {
                throw new IllegalArgumentException("debounce must not be negative, got " + quiet);
            }
            this.debounce = quiet;
            return this;
        }

        /**
         * How the engine's settings come from the folder at each reload: by default its settings file over the
         * catalog defaults. An engine built from other settings needs the same recipe here, or every reload would
         * change them back.
         *
         * @param fromFolder the settings for a freshly read folder
         * @return this
         */
        public Builder settings(Function<RulesFolder, Settings> fromFolder) {
            this.settings = Objects.requireNonNull(fromFolder, "fromFolder");
            return this;
        }

        /**
         * @param listener told every reload's result (applied, unchanged, or rejected with file and line), on the
         *                 watcher's thread
         * @return this
         */
        public Builder onResult(Consumer<ReloadResult> listener) {
            this.onResult = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @return a watcher that watches the folder on its own thread until closed
         * @throws UncheckedIOException if the folder cannot be watched
         */
        public RulesFolderWatcher start() {
            RulesFolderWatcher w = new RulesFolderWatcher(this);
            w.startWatching();
            return w;
        }

        /**
         * @return a watcher that does not watch: it reloads when {@link RulesFolderWatcher#reloadNow()} is called
         *         (on demand, or a trigger of the host's own)
         */
        public RulesFolderWatcher onDemand() {
            return new RulesFolderWatcher(this);
        }
    }
}
