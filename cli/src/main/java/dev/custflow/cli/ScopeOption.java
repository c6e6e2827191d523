package dev.custflow.cli;

import dev.custflow.insights.Scope;
import picocli.CommandLine.Option;

/** {@code --scope}: whose view {@code report} and {@code export} show (docs/kpis.md, "Scopes"). */
public final class ScopeOption {
    @Option(names = "--scope", paramLabel = "everything|rep:ID|team:ID|partner:ID", defaultValue = "everything",
            description = "whose view: everything (a director, the default), one rep's own customers (rep:ID), a "
                    + "team's (team:ID) or what is shared with a partner (partner:ID)")
    String scope;

    /**
     * @param locale the reader's language, for the error
     * @return the scope asked for
     * @throws IllegalArgumentException naming what was given and the forms there are
     */
    Scope get(java.util.Locale locale) {
        String s = scope.strip();
        if (s.equals("everything")) {
            return Scope.everything();
        }
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        String id = colon < 0 ? "" : s.substring(colon + 1).strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException(CommandErrors.text(locale, "scope.unknown", scope));
        }
        return switch (kind) {
            case "rep" -> Scope.rep(id);
            case "team" -> Scope.team(id);
            case "partner" -> Scope.partner(id);
            default -> throw new IllegalArgumentException(CommandErrors.text(locale, "scope.unknown", scope));
        };
    }
}
