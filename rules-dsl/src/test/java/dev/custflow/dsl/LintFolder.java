package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.RuleMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A rules folder a lint test writes files into, and {@link Lint} run on it. */
final class LintFolder {
    /** The first lines of a DRL file that uses the customer and the actions. */
    static final String HEADER = """
            package my.rules;

            import dev.custflow.model.Customer;
            global dev.custflow.rules.Actions actions;

            """;

    private final Path dir;

    LintFolder(Path dir) {
        this.dir = dir;
    }

    /** Writes a file of the folder, creating its sub-folders. */
    void write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    /**
     * @param errorsExpected whether lint must find an error
     * @param allow          classes or packages the rules may use besides the sandbox's (lint's {@code --allow})
     * @return every problem found, as {@code custflow lint} prints it: {@code file:line:column: severity: message}
     */
    List<String> lint(boolean errorsExpected, String... allow) {
        List<RuleMessage> problems = Lint.check(dir, List.of(allow));
        List<String> lines = problems.stream().map(Lint::format).toList();
        assertThat(problems.stream().anyMatch(m -> m.severity() == RuleMessage.Severity.ERROR))
                .as("an error among%n%s", String.join("\n", lines)).isEqualTo(errorsExpected);
        return lines;
    }
}
