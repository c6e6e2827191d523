package dev.custflow.internal.runtime;

import dev.custflow.ReloadResult;
import dev.custflow.RuleSource;
import dev.custflow.settings.Settings;
import dev.custflow.spi.ActionSink;
import dev.custflow.spi.AuditLog;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.RepLoadBoard;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything an engine is built from, checked by the builder. A reload changes only the user rules and the
 * settings, through the {@code with...} copies.
 *
 * @param builtIns           the built-in packs' sources selected
 * @param userRules          the user's rule sources
 * @param settings           the settings
 * @param clock              null for event time; otherwise the clock source (wall clock, manual clock)
 * @param sink               where actions go
 * @param auditLog           where audit entries go besides the in-memory trail, or null
 * @param partitions         number of partitions
 * @param dedupWindow        event and action ids remembered for de-duplication
 * @param referenceIndexSize order and ticket ids remembered to find their customer
 * @param auditTrailSize     entries kept in the in-memory audit trail
 * @param allowInRules       what the host allows user rules to use beyond the sandbox's defaults
 * @param onReload           told the result of every reload
 * @param store              where the engine commits its state, or null to keep nothing beyond memory
 * @param repLoadBoard       rep load shared with other engines, or null when this engine holds every lead
 * @param metrics            the host's metrics registry, or null for no metrics
 * @param locale             the language reasons are written in (a supported one, {@link dev.custflow.rules.Reasons#supported})
 */
public record EngineConfig(List<RuleSource> builtIns, List<RuleSource> userRules, Settings settings,
                           InstantSource clock, ActionSink sink, AuditLog auditLog, int partitions, int dedupWindow,
                           int referenceIndexSize, int auditTrailSize, List<String> allowInRules,
                           Consumer<ReloadResult> onReload, CustomerStore store,
                           RepLoadBoard repLoadBoard, MeterRegistry metrics, java.util.Locale locale) {

    /** @return the reason templates of the engine's locale */
    public dev.custflow.rules.Reasons reasons() {
        return dev.custflow.rules.Reasons.of(locale);
    }

    /**
     * @param rules the user's rule sources a reload brings
     * @return this configuration with those rules
     */
    public EngineConfig withUserRules(List<RuleSource> rules) {
        return new EngineConfig(builtIns, rules, settings, clock, sink, auditLog, partitions, dedupWindow,
                referenceIndexSize, auditTrailSize, allowInRules, onReload, store, repLoadBoard, metrics, locale);
    }

    /**
     * @param next the settings a reload brings
     * @return this configuration with those settings
     */
    public EngineConfig withSettings(Settings next) {
        return new EngineConfig(builtIns, userRules, next, clock, sink, auditLog, partitions, dedupWindow,
                referenceIndexSize, auditTrailSize, allowInRules, onReload, store, repLoadBoard, metrics, locale);
    }
}
