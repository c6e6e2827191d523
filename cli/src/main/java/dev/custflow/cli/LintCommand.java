package dev.custflow.cli;

import dev.custflow.RuleMessage;
import dev.custflow.dsl.Lint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code custflow lint DIR}: every problem of a rules folder as {@code file:line:column: severity: message}. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Checks a rules folder without running it: the settings file, the rule files compiled on top of "
                + "the built-in packs, rule names used twice, rules that replace a built-in rule, actions with an "
                + "empty reason, classes outside the sandbox, rules that would loop. Problems are printed as "
                + "file:line:column: severity: message.",
                "Exit code: 0 when there is no error (warnings and information allowed), 1 when there is, 2 for a "
                        + "usage error."})
public final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the rules folder")
    Path folder;

    @Option(names = "--allow", paramLabel = "CLASS|PACKAGE.*", split = ",",
            description = "also allow rules to use this class or package (repeatable; docs/rules.md#the-sandbox)")
    List<String> allow = new java.util.ArrayList<>();

    @Mixin
    LocaleOption locale;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RuleMessage> problems;
        try {
            problems = Lint.check(folder, allow, locale.get());
        } catch (IllegalArgumentException e) {
            return CommandErrors.report("lint", e, err, CommandErrors.text(locale.get(), "nothing.checked"),
                    locale.get());
        }
        problems.forEach(m -> out.println(Lint.format(m, locale.get())));
        out.println(Lint.summary(problems, folder.toString(), locale.get()));
        out.flush();
        return problems.stream().anyMatch(m -> m.severity() == RuleMessage.Severity.ERROR) ? 1 : 0;
    }
}
