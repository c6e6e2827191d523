package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A rules folder a lint test writes files into, and {@code custflow lint} run on it. */
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
     * @param expectedExit the exit code lint must end with
     * @param options      options before the folder, e.g. {@code --allow}
     * @return what lint printed (it must print nothing to standard error)
     */
    String lint(int expectedExit, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "lint";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = dir.toString();
        Main.Result run = Main.capture(args);
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).as(run.out()).isEqualTo(expectedExit);
        return run.out();
    }
}
