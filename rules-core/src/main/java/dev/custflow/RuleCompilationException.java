package dev.custflow;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule set that did not compile. Every message is listed, each with its file, line and column;
 * the engine that was running keeps its previous rules.
 */
public final class RuleCompilationException extends CustflowException {
    private static final long serialVersionUID = 1L;

    private final transient List<RuleMessage> messages;

    /** @param messages every problem found, errors first */
    public RuleCompilationException(List<RuleMessage> messages) {
        super(describe(messages));
        this.messages = List.copyOf(messages);
    }

    private static String describe(List<RuleMessage> messages) {
        long errors = messages.stream().filter(m -> m.severity() == RuleMessage.Severity.ERROR).count();
        return "The rules did not compile (" + errors + (errors == 1 ? " error" : " errors") + "):\n"
                + messages.stream().map(RuleMessage::toString).collect(Collectors.joining("\n"));
    }

    /** @return every problem found, each with file, line, column and message */
    public List<RuleMessage> messages() {
        return messages;
    }
}
