package dev.custflow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A rule file with a typo, for the commands' tests of rules that do not compile. */
final class BrokenRules {
    /** Where the typo is: {@code broken.drl}, line 5, column 20. */
    static final String ERROR_AT = "broken.drl:5:20: error: Customer has no property or method 'stagee'; "
            + "did you mean 'stage'?";

    private BrokenRules() {
    }

    /** Writes {@code broken.drl}, whose only rule reads a property that does not exist, into the folder. */
    static Path writeInto(Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve("broken.drl"), """
                package rules.broken
                import dev.custflow.model.Customer
                rule "broken: no such property"
                when
                    $c : Customer( stagee == null )
                then
                end
                """);
    }
}
