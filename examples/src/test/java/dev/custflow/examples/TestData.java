package dev.custflow.examples;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the tests find their data: fixtures in the module, the real data sets beside the project. */
final class TestData {
    /** 22 real purchases of 7 customers copied from CDNOW_master.txt, header and CRLF line ends included. */
    static final Path CDNOW_FIXTURE = resource("/cdnow/CDNOW_master.txt");

    private TestData() {
    }

    private static Path resource(String name) {
        try {
            return Path.of(TestData.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
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
    static Optional<Path> shared(String child) {
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
}
