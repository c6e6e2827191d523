package dev.custflow;

import dev.custflow.internal.runtime.DefaultEngine;
import dev.custflow.internal.runtime.EngineConfig;
import dev.custflow.settings.Settings;
import dev.custflow.spi.ActionSink;
import dev.custflow.spi.AuditLog;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.RepLoadBoard;
import dev.custflow.spi.Timer;
import dev.custflow.spi.Timers;
import dev.custflow.text.Bounds;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds an {@link Engine}. Every setter validates at once; {@link #build()} compiles the selected
 * rule packs and user rules and fails with every compile error if any.
 *
 * <pre>{@code
 * Engine engine = Custflow.builder()
 *         .withoutPack(RulePack.MARKETING)
 *         .rulesFrom(Path.of("rules"))
 *         .settings(Settings.builder().set("lifecycle.dormantAfterDays", 120).build())
 *         .actionSink(actions -> dispatcher.send(actions))
 *         .partitions(4)
 *         .build();
 * }</pre>
 */
public final class EngineBuilder {
    private final EnumSet<RulePack> packs = EnumSet.allOf(RulePack.class);
    private final List<RuleSource> userRules = new ArrayList<>();
    private Settings settings = Settings.ofDefaults();
    private InstantSource clock;
    private ActionSink sink = ActionSink.none();
    private AuditLog auditLog;
    private int partitions = 1;
    private int dedupWindow = 1_000_000;
    private int referenceIndexSize = 1_000_000;
    private int auditTrailSize = 100_000;
    private final List<String> allowInRules = new ArrayList<>();
    private Consumer<ReloadResult> onReload = r -> { };
    private CustomerStore store;
    private RepLoadBoard repLoadBoard;
    private Timer timer;
    private MeterRegistry metrics;
    private java.util.Locale locale = java.util.Locale.ENGLISH;

    EngineBuilder() {
    }

    /**
     * Uses exactly these built-in packs (the default is all of them).
     *
     * @param selected the packs to load
     * @return this
     */
    public EngineBuilder packs(RulePack... selected) {
        packs.clear();
        packs.addAll(Arrays.asList(selected));
        return this;
    }

    /**
     * Switches a built-in pack off.
     *
     * @param pack the pack
     * @return this
     */
    public EngineBuilder withoutPack(RulePack pack) {
        packs.remove(Objects.requireNonNull(pack, "pack"));
        return this;
    }

    /**
     * Adds rule files on top of the built-in packs. A user rule with the same name as a built-in
     * rule replaces it. DRL compiles with this module alone; a DSL ({@code .dsl}, {@code .dslr}) or a
     * decision table needs the rules-dsl module on the class path, and without it fails to compile with
     * a message that names the file and the module.
     *
     * @param sources rule files
     * @return this
     */
    public EngineBuilder rules(RuleSource... sources) {
        userRules.addAll(Arrays.asList(sources));
        return this;
    }

    /**
     * @param sources rule files
     * @return this
     * @see #rules(RuleSource...)
     */
    public EngineBuilder rules(List<RuleSource> sources) {
        userRules.addAll(sources);
        return this;
    }

    /**
     * Adds every rule file under a folder ({@code *.drl}, {@code *.dsl}, {@code *.dslr},
     * {@code *.drl.xlsx}, {@code *.drl.csv}), in path order; errors name files relative to it.
     *
     * @param folder the folder
     * @return this
     * @throws UncheckedIOException if the folder cannot be read
     */
    public EngineBuilder rulesFrom(Path folder) {
        userRules.addAll(RuleSource.allIn(folder));
        return this;
    }

    /**
     * Adds rule files from the classpath.
     *
     * @param resources resource names, e.g. {@code my/rules/extra.drl}
     * @return this
     */
    public EngineBuilder rulesFromClasspath(String... resources) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String r : resources) {
            userRules.add(RuleSource.ofClasspath(r, loader == null ? EngineBuilder.class.getClassLoader() : loader));
        }
        return this;
    }

    /**
     * Widens the sandbox of the user's rules. Rule files (not the built-in packs) may use only the fact model, the
     * action builders and an allow-list of harmless JDK classes; a rule that names anything else (files, network,
     * processes, reflection, {@code System}, threads...) fails to load. The host, not the rules folder, may allow
     * more. Members that reach past any allow-list (reflection, class loading, {@code exit}, the engine's session)
     * stay refused. See docs/rules.md, "The sandbox".
     *
     * @param entries a class ({@code java.util.concurrent.ConcurrentHashMap}), the classes of a package
     *                ({@code java.util.concurrent.*}) or a package with its sub-packages ({@code com.acme.rules.**})
     * @return this
     * @throws IllegalArgumentException if an entry is none of these
     */
    public EngineBuilder allowInRules(String... entries) {
        for (String e : entries) {
            allowInRules.add(dev.custflow.internal.compile.Sandbox.check(e));
        }
        return this;
    }

    /**
     * @param value the settings the rules read (default: the catalog defaults)
     * @return this
     */
    public EngineBuilder settings(Settings value) {
        this.settings = Objects.requireNonNull(value, "settings");
        return this;
    }

    /**
     * Event time (the default): the clock is the latest {@code at} seen, moved also by ClockTick.
     * Replaying the same events gives the same actions.
     *
     * @return this
     */
    public EngineBuilder eventTime() {
        this.clock = null; // a timer given before is then refused at build(), and closed
        return this;
    }

    /**
     * Takes time from a clock instead of from the events, e.g. a manual clock in tests. Time rules then fire when a
     * call moves the clock past their due time ({@link Engine#advanceTo}); add a {@link #timer} so that they fire on
     * their own, or use {@link #liveClock()}.
     *
     * @param source the clock
     * @return this
     */
    public EngineBuilder clock(InstantSource source) {
        this.clock = Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * A live host: the system clock, and a timer the engine arms at its earliest due time, so that every time rule
     * fires at its due time (within a second) with no tick from the host, and its actions reach the sink and the
     * store like any other.
     *
     * @return this
     */
    public EngineBuilder liveClock() {
        InstantSource system = InstantSource.system();
        clock(system);
        return timer(Timers.system(system));
    }

    /**
     * Wakes the engine at its earliest due time; needs a {@link #clock}. The engine owns the timer and closes it.
     *
     * @param value e.g. {@link Timers#system}
     * @return this
     */
    public EngineBuilder timer(Timer value) {
        this.timer = Objects.requireNonNull(value, "timer");
        return this;
    }

    /**
     * @param value where actions are delivered (default: nowhere; they are still returned)
     * @return this
     */
    public EngineBuilder actionSink(ActionSink value) {
        this.sink = Objects.requireNonNull(value, "sink");
        return this;
    }

    /**
     * @param value receives every audit entry, besides the bounded in-memory trail
     * @return this
     */
    public EngineBuilder auditLog(AuditLog value) {
        this.auditLog = Objects.requireNonNull(value, "auditLog");
        return this;
    }

    /**
     * Splits the customers over partitions (one rule session and one thread each). The actions
     * are the same whatever the number; more partitions use more cores on large batches.
     *
     * @param count 1 to 256 (default 1)
     * @return this
     */
    public EngineBuilder partitions(int count) {
        this.partitions = Bounds.between("partitions", count, 1, 256);
        return this;
    }

    /**
     * How many recent event ids (and action ids) are remembered to ignore repeats; a repeat that
     * comes after more than this many other events is not recognised. About 40 bytes per id.
     *
     * @param ids ids remembered (default 1,000,000)
     * @return this
     */
    public EngineBuilder dedupWindow(int ids) {
        this.dedupWindow = Bounds.atLeast("dedupWindow", ids, 1);
        return this;
    }

    /**
     * How many order and ticket ids are remembered to find the customer of a follow-up event that
     * does not name it (first in, first out: the id placed or opened longest ago is forgotten first, so that a
     * store's commit writes only the newest part of the index).
     *
     * @param ids ids remembered (default 1,000,000)
     * @return this
     */
    public EngineBuilder referenceIndexSize(int ids) {
        this.referenceIndexSize = Bounds.atLeast("referenceIndexSize", ids, 1);
        return this;
    }

    /**
     * @param entries entries kept in the in-memory audit trail (default 100,000)
     * @return this
     */
    public EngineBuilder auditTrailSize(int entries) {
        this.auditTrailSize = Bounds.atLeast("auditTrailSize", entries, 1);
        return this;
    }

    /**
     * Tells a listener what every {@link Engine#reload(List, Settings) reload} did: applied, unchanged, or rejected
     * with the compile errors (file, line, column) while the previous rules keep running. It is called on the thread
     * that reloaded, after the swap; reloads are logged besides.
     *
     * @param listener receives each reload's result
     * @return this
     */
    public EngineBuilder onReload(Consumer<ReloadResult> listener) {
        this.onReload = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Keeps the engine's state in a store, so that an engine built on it again goes on where the last one stopped
     * (docs/connectors.md). On {@link #build()} the engine loads the store's last commit (the engine state and
     * every customer) and its {@link Engine#position()}; after each call it commits the customers the call
     * changed, those it merged away, its own state, the position and the call's actions, and only then hands the
     * actions to the {@link ActionSink}. A failed commit throws {@link ConnectorException} and stops the engine.
     * The engine does not close the store.
     *
     * <p>Without a store (the default) nothing is kept beyond the engine's memory and no snapshot is ever
     * encoded, which keeps the engine's footprint and speed (BENCHMARKS.md W1, W4).
     *
     * @param value the store, e.g. {@link dev.custflow.spi.CustomerStores#inMemory()} or a JDBC store
     * @return this
     */
    public EngineBuilder store(CustomerStore value) {
        this.store = Objects.requireNonNull(value, "store");
        return this;
    }

    /**
     * Shares rep load with other engines that hold other customers (one engine per Kafka Streams task, say): lead
     * assignment then counts the open leads a rep holds in every engine, not only in this one. Without a board (the
     * default) the engine holds every lead and its assignment is exact; with one it is eventually consistent (see
     * {@link RepLoadBoard}).
     *
     * @param value the shared board
     * @return this
     */
    public EngineBuilder repLoadBoard(RepLoadBoard value) {
        this.repLoadBoard = Objects.requireNonNull(value, "repLoadBoard");
        return this;
    }

    /**
     * Reports the engine's work to the host's Micrometer registry: events applied, rejected and repeated, actions by
     * type, firings and failures by rule, the time of each call, customers held and reloads (docs/metrics.md lists
     * the meters). Without a registry (the default) the engine measures nothing.
     *
     * @param registry the host's registry (a Prometheus, JMX or any other Micrometer registry)
     * @return this
     */
    public EngineBuilder metrics(MeterRegistry registry) {
        this.metrics = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /**
     * Writes the reasons of the built-in rules (and of user rules that use the {@code reasons} global) in this
     * language: English (the default) or Simplified Chinese ({@code Locale.SIMPLIFIED_CHINESE}, zh-CN). A reason is
     * rendered once, when its action is made; the structured fields of actions are the same in every locale.
     *
     * @param value {@code en} or {@code zh-CN} (also zh, zh-Hans, zh-SG and English of any country)
     * @return this
     * @throws IllegalArgumentException for any other language, naming the supported ones
     */
    public EngineBuilder locale(java.util.Locale value) {
        this.locale = dev.custflow.rules.Reasons.supported(value);
        return this;
    }

    /**
     * Compiles the rules and opens the engine.
     *
     * @return the engine
     * @throws RuleCompilationException with every error (file, line, column, message) if the rules do not compile
     * @throws ConnectorException if the store cannot be read
     */
    public Engine build() {
        Set<RulePack> selected = EnumSet.noneOf(RulePack.class);
        for (RulePack p : packs) {
            if (settings.isEnabled(p)) {
                selected.add(p);
            }
        }
        List<RuleSource> builtIns = new ArrayList<>();
        for (RulePack p : selected) {
            builtIns.add(RuleSource.ofClasspath(p.resource(), EngineBuilder.class.getClassLoader()));
        }
        if (timer != null && clock == null) {
            timer.close(); // no engine will own it
            throw new IllegalStateException("a timer needs a clock: call clock(...) or liveClock(); an engine on "
                    + "event time wakes its customers when the events' time passes their due time");
        }
        try {
            return new DefaultEngine(new EngineConfig(List.copyOf(builtIns), List.copyOf(userRules), settings, clock,
                    sink, auditLog, partitions, dedupWindow, referenceIndexSize, auditTrailSize,
                    List.copyOf(allowInRules), onReload, store, repLoadBoard, metrics, locale), timer);
        } catch (RuntimeException e) {
            if (timer != null) {
                timer.close(); // the engine that would have owned it was never made
            }
            throw e;
        }
    }
}
