package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileProgressTest {
    private static final byte[] FILE = "x".repeat(300_000).getBytes(StandardCharsets.UTF_8);

    @Test
    void withoutAConsoleTheStreamIsUntouched() {
        InputStream in = new ByteArrayInputStream(FILE);
        assertThat(FileProgress.track(in, FILE.length, "custflow replay", null)).isSameAs(in);
    }

    @Test
    void onAConsoleTheBytesPassUnchanged_andTheBarReachesTheEnd() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        byte[] read;
        try (InputStream in = FileProgress.track(new ByteArrayInputStream(FILE), FILE.length, "custflow replay",
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            assertThat(in.read()).isEqualTo('x');
            read = in.readAllBytes();
        }
        assertThat(read).hasSize(FILE.length - 1);
        String drawn = console.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("custflow replay").contains("292/292 KB");
    }
}
