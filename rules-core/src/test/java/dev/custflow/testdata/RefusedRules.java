package dev.custflow.testdata;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RuleCompilationException;
import dev.custflow.RuleMessage;
import dev.custflow.RuleSource;
import java.util.List;

/** Rule files that must be refused, and what a refusal must name: shared by the sandbox attack tests. */
public final class RefusedRules {
    private RefusedRules() {
    }

    /** Five lines: a rule's {@code then} block starts on line 10 of the file. */
    public static final String HEADER = """
            package my.rules;

            import dev.custflow.model.Customer;
            global dev.custflow.rules.Actions actions;

            """;

    /** A rule whose consequence is {@code code}, from line 10 of the file. */
    public static String ruleCalling(String code) {
        return ruleCalling(HEADER, code);
    }

    public static String ruleCalling(String header, String code) {
        return header + """
                rule "attack"
                when
                    $c : Customer( )
                then
                    %s
                end
                """.formatted(code);
    }

    public static List<String> refused(RuleSource... sources) {
        try (Engine ignored = Custflow.builder().packs().rules(sources).build()) {
            throw new AssertionError("the rules loaded, but should have been refused");
        } catch (RuleCompilationException e) {
            return e.messages().stream().map(RuleMessage::toString).toList();
        }
    }

    public static List<String> refused(String drl) {
        return refused(RuleSource.drl("r.drl", drl));
    }

    /** Refused, at the file and line, naming the member (by the text check's words or the bytecode check's). */
    public static boolean names(String message, String fileLine, String member) {
        return message.startsWith(fileLine + ":") && message.contains(member);
    }
}
