package dev.custflow.cli;

import dev.custflow.text.Wording;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --locale zh-CN|en}: the language a command writes for people (findings, diffs, reports, help and errors).
 * Given to {@code custflow} itself it holds for every command; otherwise {@code CUSTFLOW_LOCALE}, then English.
 * Set while the command line is parsed, so {@code --help} after it is already in that language.
 */
public final class LocaleOption {
    /** The help texts in Chinese; English is in the commands' annotations. */
    static final String HELP = "dev.custflow.cli.Help";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Locale locale;

    @Option(names = "--locale", paramLabel = "zh-CN|en", descriptionKey = "locale",
            description = "the language of what the command writes for people: zh-CN (简体中文) or en (English, the "
                    + "default; or the environment variable " + Wording.ENVIRONMENT + ")")
    void locale(String tag) {
        if (tag != null) { // null: picocli resetting the option, nothing was asked for
            locale = parse(command.commandLine(), tag);
        }
    }

    /**
     * @param commandLine the command the option was given to (its help follows the language)
     * @param tag         what was given, e.g. zh-CN
     * @return the language
     * @throws CommandLine.ParameterException naming the two languages, for any other
     */
    static Locale parse(CommandLine commandLine, String tag) {
        Locale l;
        try {
            l = Wording.locale(tag);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--locale: " + e.getMessage());
        }
        helpIn(commandLine, l);
        return l;
    }

    /** @return the language asked for here, else the one given to {@code custflow}, else the environment's, else en */
    Locale get() {
        if (locale != null) {
            return locale;
        }
        CommandSpec parent = command.parent();
        if (parent != null && parent.userObject() instanceof Main main) {
            return main.locale();
        }
        return Locale.ENGLISH;
    }

    /** Puts a command's help (and its subcommands') in the language: Chinese from the bundle, English as written. */
    static void helpIn(CommandLine commandLine, Locale locale) {
        commandLine.setResourceBundle(locale.getLanguage().equals("zh") ? ResourceBundle.getBundle(HELP,
                Locale.SIMPLIFIED_CHINESE, LocaleOption.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)) : null);
    }
}
