package dev.custflow.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.text.Wording;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;

/**
 * Keeps a message file's languages in step: the Chinese file has every key of the English one and no other, and
 * each template takes the same arguments in both, so no reader ever sees a key or a missing number.
 */
public final class Bundles {
    private Bundles() {
    }

    /**
     * @param resource the English file's classpath name, e.g. {@code dev/custflow/dsl/lint.properties}; the Chinese
     *                 one is found next to it ({@code lint_zh_CN.properties})
     */
    public static void assertChineseMatchesEnglish(String resource) {
        Map<String, String> en = read(resource);
        Map<String, String> zh = read(resource.replace(".properties", "_zh_CN.properties"));
        assertThat(en).as(resource).isNotEmpty();
        assertThat(zh.keySet()).as("the keys of the Chinese file next to " + resource).isEqualTo(en.keySet());
        SoftAssertions soft = new SoftAssertions();
        en.forEach((key, template) -> soft.assertThat(Wording.arguments(zh.get(key)))
                .as("the arguments of " + key + " in Chinese").isEqualTo(Wording.arguments(template)));
        zh.forEach((key, template) -> soft.assertThat(template).as(key + " in Chinese").isNotBlank());
        soft.assertAll();
    }

    /** @return the file's templates by key, read as UTF-8 the way resource bundles read them */
    public static Map<String, String> read(String resource) {
        try (InputStream in = Objects.requireNonNull(Bundles.class.getClassLoader().getResourceAsStream(resource),
                resource)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
