package dev.custflow.benchmarks;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import dev.custflow.event.Event;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the rule limits cost ({@code benchmarks/run budget}): W1's stream through the lifecycle pack with user rules
 * whose classes the engine instruments (a budget check at every call and loop, sizes checked), and the time budget
 * armed at every firing. Run it on two commits to compare with and without the limits: the rules and the stream
 * use nothing the limits added. Two rule sets: W1r's 50 rules that fire (one call each), and one rule that loops
 * 1,000 times on every order (the worst case: a check at every turn of the loop).
 */
final class BudgetBench {
    private BudgetBench() {
    }

    /** A rule that sums 1,000 numbers on every order, and tags the customer when the sum is a value it never is. */
    static List<RuleSource> loopingRule() {
        return List.of(RuleSource.drl("bench-loop.drl", """
                package bench.loop;
                import dev.custflow.model.Customer;
                import dev.custflow.event.OrderPlaced;
                global dev.custflow.rules.Actions actions;

                // A user rule with a loop: 1,000 turns on every order.
                rule "user: loops on every order"
                when
                    OrderPlaced( )
                    $c : Customer( )
                then
                    long sum = 0;
                    for (int i = 0; i < 1000; i++) {
                        sum += i ^ $c.getOrderCount();
                    }
                    if (sum == -1) {
                        actions.addTag($c, "never", "the sum is never negative");
                    }
                end
                """));
    }

    static void run(int customers, int events) {
        List<Event> stream = Workload.mixed(customers, events, 365, 1);
        System.out.printf(Locale.ROOT, "%nRule limits: %,d events over %,d customers, the lifecycle pack with user "
                + "rules%n", stream.size(), customers);
        List<RuleSource> fifty = Bench.userRules(true);
        List<RuleSource> loop = loopingRule();
        int rounds = 5;
        double[] alone = new double[rounds];
        double[] withFifty = new double[rounds];
        double[] withLoop = new double[rounds];
        for (int round = -2; round < rounds; round++) { // two warm-up rounds
            double a = Bench.time(() -> engine(stream, List.of()));
            double f = Bench.time(() -> engine(stream, fifty));
            double l = Bench.time(() -> engine(stream, loop));
            if (round >= 0) {
                alone[round] = a;
                withFifty[round] = f;
                withLoop[round] = l;
            }
        }
        double n = stream.size();
        Bench.row("engine, lifecycle pack", n / Bench.median(alone), 1);
        Bench.row("+ 50 user rules that fire", n / Bench.median(withFifty),
                Bench.median(withFifty) / Bench.median(alone));
        Bench.row("+ 1 user rule looping 1,000x per order", n / Bench.median(withLoop),
                Bench.median(withLoop) / Bench.median(alone));
        System.out.printf(Locale.ROOT, "  rounds (s): alone %s, 50 rules %s, looping rule %s%n", Arrays.toString(alone),
                Arrays.toString(withFifty), Arrays.toString(withLoop));
    }

    private static int engine(List<Event> stream, List<RuleSource> rules) {
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).partitions(1).auditTrailSize(1).rules(rules)
                .build()) {
            return Bench.inBatches(e, stream);
        }
    }
}
