package dev.custflow.test;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EngineBuilder;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.action.ChurnWarning;
import dev.custflow.settings.Settings;
import dev.custflow.spi.CustomerStores;
import dev.custflow.spi.ForwardingCustomerStore;
import dev.custflow.spi.StoreCommit;
import dev.custflow.spi.Timer;
import dev.custflow.spi.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A live engine owns its timer: it asks to be woken at its earliest due time, and each time rule fires at its due
 * time with no tick from the host. The timer here is a {@link ManualTimer} and the clock a {@link ManualClock}, so
 * the tests see when the engine asked to be woken and never sleep.
 */
class LiveTimerTest {
    private static final Settings NO_DIGEST = Settings.builder().set("churn.weeklyDigest", false).build();
    private static final Instant T0 = at("2024-01-01"); // 09:00 UTC
    private static final Duration NO_ORDER = Duration.ofDays(30); // churn.noOrderDays

    private final ManualClock clock = new ManualClock(T0);
    private final ManualTimer timer = new ManualTimer();
    private final List<Action> delivered = new CopyOnWriteArrayList<>();

    private EngineBuilder live() {
        return Custflow.builder().packs(RulePack.CHURN).settings(NO_DIGEST).clock(clock).timer(timer)
                .actionSink(delivered::addAll);
    }

    @Test
    void aTimeRule_firesWithinASecondOfItsDueTime_withNoHostTick_andReachesTheSink() {
        try (Engine engine = live().build()) {
            engine.accept(order("o1", "C1", "2024-01-01", 100));
            Instant due = T0.plus(NO_ORDER);
            assertThat(timer.armedAt()).contains(due);

            clock.set(due.plusMillis(250)); // the timer's thread wakes a little after the time it was asked for
            timer.fire();

            assertThat(delivered).singleElement().isInstanceOfSatisfying(ChurnWarning.class, w -> {
                assertThat(w.customerId()).isEqualTo("C1");
                assertThat(w.cause()).isEqualTo("NO_ORDER");
                assertThat(Duration.between(due, w.at())).isBetween(Duration.ZERO, Duration.ofSeconds(1));
            });
            // and it asked for the next one: the long no-order warning at 90 days
            assertThat(timer.armedAt()).contains(T0.plus(Duration.ofDays(90)));
        }
    }

    @Test
    void theWakeUp_followsTheEarliestDueTime_asCustomersComeAndReorder() {
        try (Engine engine = live().build()) {
            assertThat(timer.armedAt()).isEmpty(); // nothing is due yet
            engine.accept(order("o1", "C1", "2024-01-01", 100));
            clock.set(T0.plus(Duration.ofDays(10)));
            engine.accept(order("o2", "C2", "2024-01-11", 100));
            assertThat(timer.armedAt()).contains(T0.plus(NO_ORDER)); // C1's, the earlier

            clock.set(T0.plus(Duration.ofDays(20)));
            engine.accept(order("o3", "C1", "2024-01-21", 100));
            assertThat(timer.armedAt()).contains(T0.plus(Duration.ofDays(10)).plus(NO_ORDER)); // now C2's
            assertThat(delivered).isEmpty();
        }
    }

    @Test
    void aWakeUpThatComesEarly_firesNothing_andAsksAgain() {
        try (Engine engine = live().build()) {
            engine.accept(order("o1", "C1", "2024-01-01", 100));
            Instant due = T0.plus(NO_ORDER);
            clock.set(due.minusSeconds(5)); // the clock was set back after the wake-up was asked for
            timer.fire();
            assertThat(delivered).isEmpty();
            assertThat(timer.armedAt()).contains(due);
        }
    }

    @Test
    void withAStore_aWakeUpsActionsAreCommittedLikeAnyOthers() {
        List<StoreCommit> commits = new CopyOnWriteArrayList<>();
        ForwardingCustomerStore store = new ForwardingCustomerStore(CustomerStores.inMemory()) {
            @Override
            public void commit(StoreCommit commit) {
                commits.add(commit);
                super.commit(commit);
            }
        };
        try (Engine engine = live().store(store).build()) {
            engine.accept(order("o1", "C1", "2024-01-01", 100));
            clock.set(T0.plus(NO_ORDER));
            timer.fire();
            assertThat(commits).last().satisfies(c -> {
                assertThat(c.actions()).singleElement().isInstanceOf(ChurnWarning.class);
                assertThat(c.position()).isEqualTo(1); // a wake-up consumes no event
            });
        }
    }

    @Test
    void closingTheEngine_closesTheTimer() {
        live().build().close();
        assertThat(timer.isClosed()).isTrue();
    }

    @Test
    void aTimer_needsAClock_andIsClosedWhenNoEngineIsBuilt() {
        assertThatThrownBy(() -> Custflow.builder().timer(timer).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a timer needs a clock");
        assertThat(timer.isClosed()).isTrue();
    }

    @Test
    void theSystemTimer_wakesALiveEngineOnItsOwnThread() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        Timer system = Timers.system(clock);
        try (Engine engine = Custflow.builder().packs(RulePack.CHURN).settings(NO_DIGEST).clock(clock).timer(system)
                .actionSink(actions -> fired.countDown()).build()) {
            engine.accept(order("o1", "C1", "2024-01-01", 100));
            // the manual clock jumps past the due time: the wake-up asked for next is already due and runs at once
            clock.set(T0.plus(NO_ORDER));
            engine.accept(order("o2", "C2", "2024-01-31", 100));
            assertThat(fired.await(30, TimeUnit.SECONDS)).as("the timer's thread fired the churn warning").isTrue();
        }
    }
}
