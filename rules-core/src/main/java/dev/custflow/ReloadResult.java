package dev.custflow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a {@link Engine#reload(List, dev.custflow.settings.Settings) reload} did: the new rules run from the next
 * event on ({@link Status#APPLIED}), nothing needed to change ({@link Status#UNCHANGED}), or the new rules or
 * settings were refused and the previous ones keep running ({@link Status#REJECTED}).
 *
 * @param status      what happened
 * @param messages    for a rejection, every problem with its file, line and column (the list {@code custflow lint}
 *                    prints for the compiler); otherwise the new rule set's warnings and notes
 * @param ruleNames   the rules running after the call, sorted (the previous ones after a rejection)
 * @param compileTime how long compiling took (close to zero when the rule set came from the compile cache)
 */
public record ReloadResult(Status status, List<RuleMessage> messages, List<String> ruleNames, Duration compileTime) {

    /** What a reload did. */
    public enum Status {
        /** The new rules and settings run from the next event on. */
        APPLIED,
        /** The rules and settings were the same as those running (same content): nothing was swapped. */
        UNCHANGED,
        /** A compile error or a setting that cannot change live: the previous rules and settings keep running. */
        REJECTED
    }

    /** Validates and copies. */
    public ReloadResult {
        Objects.requireNonNull(status, "status");
        messages = List.copyOf(messages);
        ruleNames = List.copyOf(ruleNames);
        Objects.requireNonNull(compileTime, "compileTime");
    }

    /**
     * A reload refused before it reached an engine (a rules folder that cannot be read, a settings file with an
     * error), for those who report reloads themselves, such as a folder watcher.
     *
     * @param messages  the problems, with file and line
     * @param ruleNames the rules that keep running
     * @return a {@link Status#REJECTED} result
     */
    public static ReloadResult rejected(List<RuleMessage> messages, List<String> ruleNames) {
        return new ReloadResult(Status.REJECTED, messages, ruleNames, Duration.ZERO);
    }

    /** @return true if the engine runs the new rules and settings now */
    public boolean applied() {
        return status == Status.APPLIED;
    }

    /** @return the messages of severity ERROR (empty unless rejected) */
    public List<RuleMessage> errors() {
        return messages.stream().filter(m -> m.severity() == RuleMessage.Severity.ERROR).toList();
    }

    /** @return one line for a log, then the messages, one per line, as {@code file:line:column: severity: message} */
    @Override
    public String toString() {
        String head = switch (status) {
            case APPLIED -> "rules reloaded: " + ruleNames.size() + " rules, compiled in " + compileTime.toMillis()
                    + " ms";
            case UNCHANGED -> "rules unchanged: " + ruleNames.size() + " rules keep running";
            case REJECTED -> "rules not reloaded (" + errors().size() + (errors().size() == 1 ? " error" : " errors")
                    + "); the previous " + ruleNames.size() + " rules keep running";
        };
        return messages.isEmpty() ? head
                : head + "\n" + messages.stream().map(RuleMessage::toString).collect(Collectors.joining("\n"));
    }
}
