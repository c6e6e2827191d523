package dev.custflow.cli;

import dev.custflow.RuleCompilationException;
import dev.custflow.dsl.InvalidScenarioException;
import dev.custflow.dsl.RulesFolder;
import dev.custflow.dsl.ScenarioFiles;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.settings.Settings;
import dev.custflow.test.Scenario;
import dev.custflow.test.ScenarioResult;
import dev.custflow.text.DisplayWidth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code custflow test DIR}: runs the scenario files of a rules folder and says which pass. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs every scenario of a rules folder (scenarios/*.yaml, *.json: given events, expect "
                + "actions) with the built-in packs plus the folder's rules and settings, as replay --rules DIR "
                + "loads them. Prints PASS or FAIL, the file:line and the name of each scenario, and for a failure "
                + "the expected against the actual actions and the rules that fired. Format: docs/scenarios.md.",
                "Exit code: 0 when every scenario passes, 1 when one fails, 2 for a usage, rules, settings or "
                        + "scenario-file error."})
public final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the rules folder, with its scenarios in DIR/scenarios/")
    Path folder;

    @Mixin
    LocaleOption locale;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale l = locale.get();
        RulesFolder rules;
        Settings settings;
        try {
            rules = RulesFolder.load(folder);
            settings = rules.settingsOver(Settings.ofDefaults());
        } catch (IllegalArgumentException | InvalidSettingsException e) {
            return CommandErrors.report("test", e, err, CommandErrors.text(l, "nothing.tested"), l);
        }
        List<Path> files = rules.scenarioFiles();
        if (files.isEmpty()) {
            err.println("custflow test: " + CommandErrors.text(l, "test.noScenarios", folder.resolve("scenarios")));
            return CommandErrors.EXIT;
        }
        List<Scenario> scenarios = new ArrayList<>();
        int unreadable = 0;
        for (Path f : files) {
            try {
                scenarios.addAll(ScenarioFiles.read(f, folder.relativize(f).toString().replace('\\', '/')));
            } catch (InvalidScenarioException e) {
                err.println(e.getMessage());
                unreadable++;
            }
        }
        if (unreadable > 0) {
            err.println("custflow test: " + CommandErrors.text(l, unreadable == 1 ? "test.unreadable.one"
                    : "test.unreadable.other", unreadable));
            return CommandErrors.EXIT;
        }
        int failed = 0;
        try {
            for (Scenario s : scenarios) {
                ScenarioResult r = s.run(settings, b -> b.rules(rules.sources()), l);
                out.println(DisplayWidth.padRight(CommandErrors.text(l, r.passed() ? "test.pass" : "test.fail"), 4)
                        + "  " + s.source() + "  " + s.name());
                if (!r.passed()) {
                    failed++;
                    out.print(r.report("      "));
                }
            }
        } catch (RuleCompilationException | InvalidSettingsException e) {
            out.flush();
            return CommandErrors.report("test", e, err, CommandErrors.text(l, "nothing.moreTested"), l);
        }
        out.println(CommandErrors.text(l, scenarios.size() == 1 ? "test.summary.one" : "test.summary.other", folder,
                scenarios.size(), scenarios.size() - failed, failed));
        out.flush();
        return failed > 0 ? 1 : 0;
    }
}
