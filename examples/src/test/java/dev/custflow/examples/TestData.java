package dev.custflow.examples;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Where the tests find their data: fixtures in the module, the real data sets beside the project. */
public final class TestData {
    /** 22 real purchases of 7 customers copied from CDNOW_master.txt, header and CRLF line ends included. */
    public static final Path CDNOW_FIXTURE = resource("/cdnow/CDNOW_master.txt");

    private TestData() {
    }

    /**
     * A resource as a file. Another module's tests read these from this module's test jar, where a resource is no
     * file: it is copied out, under its own name, into a folder of its own.
     */
    private static Path resource(String name) {
        try {
            URI uri = TestData.class.getResource(name).toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            Path dir = Files.createTempDirectory("custflow-testdata");
            Path file = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
            try (InputStream in = TestData.class.getResourceAsStream(name)) {
                Files.copy(in, file);
            }
            dir.toFile().deleteOnExit(); // deleted in reverse order: the file, then its folder
            file.toFile().deleteOnExit();
            return file;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    /**
     * The shared data folder: the system property {@code custflow.data} if set, else
     * {@code ../shared/data} from the project root, which is {@code ../../shared/data} from this
     * module (Maven runs the tests in the module's folder; an IDE may run them from the root).
     *
     * @param child a folder in it, e.g. {@code cdnow}
     * @return the folder, if it exists
     */
    public static Optional<Path> shared(String child) {
        String configured = System.getProperty("custflow.data");
        if (configured != null) {
            return Optional.of(Path.of(configured, child)).filter(Files::isDirectory);
        }
        for (String base : new String[] {"../../shared/data", "../shared/data"}) {
            Path p = Path.of(base, child);
            if (Files.isDirectory(p)) {
                return Optional.of(p.normalize());
            }
        }
        return Optional.empty();
    }

    /**
     * The shared data folder's {@code child}, or the test is skipped with a message saying where it looked (also
     * on standard error: Maven shows skips as a count only).
     *
     * @param child a folder in it, e.g. {@code cdnow}
     * @param test  the test class, named in the message
     * @return the folder
     */
    public static Path sharedOrSkip(String child, Class<?> test) {
        Optional<Path> folder = shared(child);
        String why = "the " + child + " data set is not here (looked for ../shared/data/" + child + " from the "
                + "project root; set -Dcustflow.data=DIR to point elsewhere): skipping " + test.getSimpleName();
        if (folder.isEmpty()) {
            System.err.println("SKIPPED " + test.getSimpleName() + ": " + why);
        }
        Assumptions.assumeTrue(folder.isPresent(), why);
        return folder.get();
    }
}
