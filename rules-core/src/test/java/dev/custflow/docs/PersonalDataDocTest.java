package dev.custflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Json;
import dev.custflow.event.CustomerErased;
import dev.custflow.event.Event;
import dev.custflow.text.PersonalData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/personal-data.md says what the code does: its masking table, its erasure example, its list of fields. */
class PersonalDataDocTest {
    private static final Path DOC = Path.of("../docs/personal-data.md");

    private static String doc() throws IOException {
        return Files.readString(DOC, StandardCharsets.UTF_8);
    }

    /** @return the row of the masking table (in "How masking works") whose first cell starts with {@code what} */
    private static String row(String doc, String what) {
        String section = doc.substring(doc.indexOf("## How masking works"));
        return section.lines().filter(l -> l.startsWith("| " + what)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + what + " in " + DOC));
    }

    private static List<String> quoted(String cell) {
        Matcher m = Pattern.compile("`([^`]*)`").matcher(cell);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static void masks(String doc, String what, UnaryOperator<String> mask) {
        String[] cells = row(doc, what).split("\\|");
        List<String> given = quoted(cells[1]);
        List<String> masked = quoted(cells[2]);
        assertThat(given).as(what).isNotEmpty();
        for (int i = 0; i < given.size(); i++) {
            assertThat(mask.apply(given.get(i))).as(what + " " + given.get(i))
                    .isEqualTo(masked.get(Math.min(i, masked.size() - 1)));
        }
    }

    @Test
    void theMaskingTable_isWhatPersonalDataDoes() throws IOException {
        String doc = doc();
        masks(doc, "phone", PersonalData::phone);
        masks(doc, "landline", PersonalData::phone);
        masks(doc, "a number of fewer", PersonalData::phone);
        masks(doc, "e-mail", PersonalData::email);
        masks(doc, "name", PersonalData::name);
        assertThat(row(doc, "birthday")).contains("`" + PersonalData.NOT_SHOWN + "`");
    }

    @Test
    void theErasureExample_isACustomerErasedEvent() throws IOException {
        Matcher m = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc());
        assertThat(m.find()).isTrue();
        Event e = Json.readEvent(m.group(1));
        assertThat(e).isInstanceOf(CustomerErased.class);
        assertThat(e.subjectId()).isEqualTo("L-1001");
    }

    @Test
    void theFieldsRefusedWithoutTheirValue_areTheOnesTheCodeWithholds() throws IOException {
        Matcher m = Pattern.compile("data\\)`, for (.*?)\\.\\n", Pattern.DOTALL).matcher(doc());
        assertThat(m.find()).isTrue();
        List<String> named = quoted(m.group(1));
        assertThat(named).containsExactlyInAnyOrderElementsOf(PersonalData.FIELDS);
        assertThat(Arrays.asList(m.group(1).split(","))).hasSize(PersonalData.FIELDS.size() - 1);
    }
}
