package dev.custflow.dsl.internal;

import dev.custflow.RuleMessage;
import dev.custflow.RuleSource;
import dev.custflow.internal.compile.RuleTranslator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kie.api.io.ResourceType;

/**
 * Decision tables become DRL here rather than through {@code ResourceType.DTABLE}, keeping their cells, so
 * that an error in the generated DRL is reported at its sheet, row and column ({@link DecisionTable#locate}).
 */
public final class DecisionTableTranslator implements RuleTranslator {

    @Override
    public Set<RuleSource.Kind> kinds() {
        return Set.of(RuleSource.Kind.DECISION_TABLE_XLSX, RuleSource.Kind.DECISION_TABLE_CSV);
    }

    @Override
    public Optional<Translation> translate(RuleSource source, List<RuleSource> all, List<RuleMessage> errors) {
        return DecisionTable.compile(source, errors).map(t -> new Translation(ResourceType.DRL,
                t.drl().getBytes(StandardCharsets.UTF_8), t.drl(), t.drlLines(), t::locate));
    }
}
