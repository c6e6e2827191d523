package dev.custflow.insights.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's chromium, run headless on a report file: the DOM after the page's scripts ran, and a screenshot. Tests that
 * need it skip, saying why, where it is not installed (.ci/run installs it where it can). The flags keep it off the
 * network: without the background-networking ones it waits for services a closed network never answers.
 */
public final class HeadlessChromium {
    /** Where chromium may be: the environment variable CUSTFLOW_CHROMIUM first. */
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/snap/bin/chromium");
    /** A hung browser is ended after this long; the test then fails saying so (it is no timing assertion). */
    private static final long GIVE_UP_SECONDS = 120;
    private static final Pattern CHART = Pattern.compile("<div class=\"chart\" id=\"chart-([a-z0-9-]+)\"[^>]*>");

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** @return chromium where it is installed; otherwise the calling test is skipped with the reason printed */
    public static HeadlessChromium orSkip() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String why = "chromium not found (looked at $CUSTFLOW_CHROMIUM and " + CANDIDATES
                    + "): install it with apt-get install chromium (.ci/run does) to check the report in a browser";
            System.out.println("SKIPPED: " + why);
            Assumptions.assumeTrue(false, why);
        }
        return new HeadlessChromium(found.get());
    }

    static Optional<Path> find() {
        List<String> places = new ArrayList<>();
        String env = System.getenv("CUSTFLOW_CHROMIUM");
        if (env != null && !env.isBlank()) {
            places.add(env);
        }
        places.addAll(CANDIDATES);
        return places.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * What a page looks like after its scripts ran.
     *
     * @param dom     the serialized DOM
     * @param console what chromium logged of the page's console and uncaught errors
     */
    public record Rendered(String dom, String console) {
        /** @return per chart id, the points ECharts holds (data-points; -1 where the script never set it) */
        public java.util.Map<String, Integer> pointsPerChart() {
            java.util.Map<String, Integer> points = new java.util.LinkedHashMap<>();
            Matcher m = CHART.matcher(dom);
            while (m.find()) {
                points.put(m.group(1), attribute(m.group(), "data-points"));
            }
            return points;
        }

        /** @return per chart id, the points the report meant to draw (data-expected-points) */
        public java.util.Map<String, Integer> expectedPerChart() {
            java.util.Map<String, Integer> points = new java.util.LinkedHashMap<>();
            Matcher m = CHART.matcher(dom);
            while (m.find()) {
                points.put(m.group(1), attribute(m.group(), "data-expected-points"));
            }
            return points;
        }

        private static int attribute(String tag, String name) {
            Matcher m = Pattern.compile(" " + name + "=\"(\\d+)\"").matcher(tag);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }

        /** @return the page's own error count (data-errors on the root element), -1 when the hook never ran */
        public int pageErrors() {
            Matcher m = Pattern.compile("<html[^>]*data-errors=\"(\\d+)\"").matcher(dom);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }

        /** @return the lines chromium logged as the page's console errors or uncaught exceptions */
        public List<String> consoleErrors() {
            return console.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught"))
                    .filter(l -> l.contains("ERROR") || l.contains("Uncaught") || l.contains("rror")).toList();
        }
    }

    /**
     * @param page an HTML file
     * @return its DOM after the scripts ran, and what chromium logged
     * @throws IOException if chromium cannot be run
     */
    public Rendered render(Path page) throws IOException, InterruptedException {
        Path log = Files.createTempFile("chromium-", ".log");
        try {
            String dom = run(log, "--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString());
            return new Rendered(dom, Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * @param page   an HTML file
     * @param png    where to write the screenshot
     * @param width  the window's width
     * @param height the window's height (the page is cut there)
     * @throws IOException if chromium cannot be run or writes no image
     */
    public void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Path log = Files.createTempFile("chromium-", ".log");
        try {
            run(log, "--hide-scrollbars", "--window-size=" + width + "," + height,
                    "--screenshot=" + png.toAbsolutePath(), page.toUri().toString());
        } finally {
            Files.deleteIfExists(log);
        }
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private String run(Path log, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--user-data-dir=" + profile));
            command.addAll(List.of(args));
            Path out = Files.createTempFile("chromium-", ".out");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(log.toFile())
                        .start();
                if (!p.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("chromium did not finish within " + GIVE_UP_SECONDS + " s: " + command);
                }
                if (p.exitValue() != 0) {
                    throw new IOException("chromium exited with " + p.exitValue() + ": "
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
            }
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
