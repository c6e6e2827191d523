package dev.custflow.internal.runtime;

import dev.custflow.RuleMessage;
import dev.custflow.settings.ChurnSettings;
import dev.custflow.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings an engine builds its own structures from when it opens, which therefore cannot change while it runs
 * (a hot reload): every other setting is read by the rules and the policy gate at each evaluation.
 */
public final class EngineSettings {
    private static final String RESTART = "; build a new engine to change it (the previous rules and settings keep "
            + "running)";

    private EngineSettings() {
    }

    /**
     * @param running the settings the engine runs with
     * @param next    the settings a reload asks for
     * @return one error per setting that cannot change live, naming it and why; empty if the reload may go on
     */
    static List<RuleMessage> refusedLive(Settings running, Settings next) {
        List<RuleMessage> out = new ArrayList<>();
        check(out, "timeZone", running.timeZone(), next.timeZone(),
                "the weekly RFM recompute and the weekly digest are scheduled in it");
        check(out, "disabledPacks", running.disabledPacks(), next.disabledPacks(),
                "the packs were chosen when the engine was built, and some keep engine-wide state (segments, churn "
                        + "digests, leads, assignment)");
        check(out, "intake", running.intake(), next.intake(),
                "known leads were cleaned and indexed for de-duplication with it");
        check(out, "segments", running.segments(), next.segments(),
                "the weekly RFM recompute and its scale were set up from it");
        check(out, "assignment", running.assignment(), next.assignment(),
                "the assignment desk (reps' loads, waiting leads, response deadlines) was set up from it");
        check(out, "calendars", running.calendars(), next.calendars(),
                "the assignment desk's response deadlines were counted in working time with them");
        ChurnSettings a = running.churn();
        ChurnSettings b = next.churn();
        check(out, "churn.weeklyDigest", a.weeklyDigest(), b.weeklyDigest(), "the weekly digest was set up from it");
        check(out, "churn.digestDay", a.digestDay(), b.digestDay(), "the weekly digest was set up from it");
        check(out, "churn.digestTime", a.digestTime(), b.digestTime(), "the weekly digest was set up from it");
        check(out, "churn.digestMaxCustomers", a.digestMaxCustomers(), b.digestMaxCustomers(),
                "the weekly digest was set up from it");
        return out;
    }

    private static void check(List<RuleMessage> out, String key, Object running, Object next, String why) {
        if (!Objects.equals(running, next)) {
            out.add(new RuleMessage("settings", 0, 0, RuleMessage.Severity.ERROR, "setting '" + key
                    + "' cannot change while the engine runs: " + why + RESTART));
        }
    }
}
