package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code replay --store} needs a {@link CustomerStoreProvider} on the class path: rules-dsl has none of its own (the
 * examples module provides the JDBC one), so here the option is a usage error that names what is missing.
 */
class ReplayStoreOptionTest {

    @Test
    void withoutAStoreProviderOnTheClassPath_storeIsAUsageError_andNothingIsReplayed() {
        Main.Result r = Main.capture("replay", "--events", "../docs/examples/lifecycle.jsonl", "--store", "data/x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("No store on the classpath opens --store data/x")
                .contains("nothing was replayed");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void passwordWithoutStore_isAUsageError() {
        Main.Result r = Main.capture("replay", "--events", "../docs/examples/lifecycle.jsonl", "--password", "p");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--user and --password go with --store");
        assertThat(r.out()).isEmpty();
    }
}
