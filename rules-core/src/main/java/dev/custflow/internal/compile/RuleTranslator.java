package dev.custflow.internal.compile;

import dev.custflow.RuleMessage;
import dev.custflow.RuleSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.kie.api.io.ResourceType;

/**
 * Compiles the rule files that are not DRL (a DSL and its DSLR rules, decision tables): turns one into what
 * Drools compiles and maps the compiler's messages back to the file as its author wrote it. The core compiles
 * DRL by itself; {@link RuleCompiler} finds translators with {@link java.util.ServiceLoader}, so a module on
 * the class path (rules-dsl) adds the kinds it handles, and without one those files are an error that names
 * the module to add. Internal: an extension point between Custflow's own modules, not for hosts.
 */
public interface RuleTranslator {

    /** @return the kinds of rule files it compiles (never DRL) */
    Set<RuleSource.Kind> kinds();

    /**
     * Looks at the user's sources before anything is compiled: may leave out (and report) files that cannot
     * compile, and add sources they need.
     *
     * @param user the user's sources, as the translators before this one left them
     * @return the sources to compile and the errors of those left out
     */
    default Prepared prepare(List<RuleSource> user) {
        return new Prepared(user, List.of());
    }

    /**
     * @param name a source's name
     * @return true for a source this translator ships or generates, which the sandbox trusts
     */
    default boolean trusted(String name) {
        return false;
    }

    /**
     * @param source a source of one of its {@link #kinds()}
     * @param all    every source being compiled, built-in and prepared, e.g. the DSL files a DSLR uses
     * @param errors receives the problems that stop it from becoming something Drools compiles, each in
     *               the file as written
     * @return what Drools compiles, or empty if the source could not be read
     */
    Optional<Translation> translate(RuleSource source, List<RuleSource> all, List<RuleMessage> errors);

    /**
     * @param sources the sources to compile
     * @param errors  the errors of the sources that were left out
     */
    record Prepared(List<RuleSource> sources, List<RuleMessage> errors) {
        /** Copies the lists. */
        public Prepared {
            sources = List.copyOf(sources);
            errors = List.copyOf(errors);
        }
    }

    /**
     * One source, ready for Drools.
     *
     * @param type    how Drools compiles it: DRL, or DSL and DSLR, which Drools expands itself
     * @param content what Drools compiles
     * @param code    the code the sandbox checks, line for line with {@code lines} (a DSLR after expansion)
     * @param lines   the text the compiler's line numbers refer to, for columns
     * @param locate  maps a message about {@code content} to the file as written; a null result drops it
     */
    record Translation(ResourceType type, byte[] content, String code, String[] lines,
                       UnaryOperator<RuleMessage> locate) {
    }
}
