package dev.custflow.internal.names;

import dev.custflow.text.Folding;
import dev.custflow.model.ContactData;

/**
 * How person names compare when a name and a company together are evidence of one person (DuplicateIndex): full-width
 * made half-width, lower case, and only letters and digits kept, so "Li Wei", "li wei" and "LI·WEI" are {@code liwei}
 * and "王 伟" is {@code 王伟}. A name of fewer than two characters is too weak to match on. The key is personal data:
 * it lives only as a hash in the index and is never logged or shown.
 */
public final class PersonNames {
    private PersonNames() {
    }

    /**
     * @param raw a person's name as entered, or null
     * @return the name's comparison key, or null when it is missing, a placeholder or shorter than two characters
     */
    public static String key(String raw) {
        String t = ContactData.ofDefaults().text(raw);
        if (t == null) {
            return null;
        }
        String k = Folding.words(Folding.fold(t)).replace(" ", "");
        return k.codePointCount(0, k.length()) < 2 ? null : k;
    }
}
