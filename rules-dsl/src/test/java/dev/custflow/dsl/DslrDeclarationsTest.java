package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.action.Action;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.TicketOpened;
import dev.custflow.model.TicketKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/dsl.md says a .dslr may hold besides sentences: a package and imports above its rules, and a line starting
 * with '>' inside a rule, passed to Drools as DRL without expansion.
 */
class DslrDeclarationsTest {
    @TempDir
    Path dir;

    @Test
    void aPackageImportsAndARawDrlLine_loadAndAct() throws IOException {
        Files.writeString(dir.resolve("tickets.dslr"), """
                package my.service;

                import dev.custflow.model.OpenTicket;

                rule "service: an open ticket of any kind is watched"
                when
                    There is a customer
                    - not tagged watched
                >   exists OpenTicket( ) from $c.openTickets
                then
                    Tag the customer watched because a ticket is open
                end
                """);
        Instant t = Instant.parse("2025-03-03T02:00:00Z");
        List<Action> actions = new ArrayList<>();
        try (Engine engine = Custflow.builder().packs().rules(RulesFolder.load(dir).sources()).build()) {
            actions.addAll(engine.accept(OrderPlaced.of("e1", t, "SO-1", "C-1", new BigDecimal("300"))));
            actions.addAll(engine.accept(new TicketOpened("e2", t.plusSeconds(60), "T-1", "C-1", TicketKind.REPAIR,
                    null)));
        }

        assertThat(actions).extracting(Action::rule).containsExactly("service: an open ticket of any kind is watched");
        assertThat(Lint.check(dir)).extracting(Lint::format)
                .noneMatch(m -> m.contains(": error: ") || m.contains(": warning: "));
    }
}
