package dev.custflow.dsl;

import dev.custflow.RuleMessage;
import dev.custflow.text.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A warning the author has considered: a comment {@code lint: allow <check> because <reason>} ({@code //} in rules,
 * {@code #} in YAML) at the end of the line the warning names or in the comment lines just above it silences that
 * check there. The reason is required: a silenced warning is a decision, and the next author reads why.
 */
final class Silenced {
    private static final Pattern ALLOW = Pattern.compile("(?://|#)\\s*lint:\\s*allow\\s+([\\w-]+)(?:\\s+because\\s+(\\S.*))?");

    private Silenced() {
    }

    /**
     * @param warnings each warning with the name of its check ({@code loop}, {@code empty-reason},
     *                 {@code table-replaced})
     * @param texts    the text of each file, by the name the warnings use
     * @param w        the reader's language
     * @return the warnings no comment silences; a comment without a reason silences nothing and says so
     */
    static List<RuleMessage> unless(Map<RuleMessage, String> warnings, Map<String, String> texts, Wording w) {
        List<RuleMessage> out = new ArrayList<>();
        warnings.forEach((m, check) -> {
            String text = texts.get(m.file());
            Matcher allow = text == null ? null : allowed(text.split("\n", -1), m.line(), check);
            if (allow == null) {
                out.add(m);
            } else if (allow.group(2) == null) {
                out.add(new RuleMessage(m.file(), m.line(), m.column(), m.severity(),
                        w.text("silenced.withoutReason", m.message(), check)));
            }
        });
        return out;
    }

    /** @return the comment allowing the check on the line (1-based) or in the comment lines right above it */
    static Matcher allowed(String[] lines, int line, String check) {
        for (int i = line - 1; i >= 0 && i < lines.length; i--) {
            String t = lines[i].strip();
            if (i < line - 1 && !(t.startsWith("//") || t.startsWith("#"))) {
                return null;
            }
            Matcher m = ALLOW.matcher(lines[i]);
            if (m.find() && m.group(1).equals(check)) {
                return m;
            }
        }
        return null;
    }
}
