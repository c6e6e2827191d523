package dev.custflow.insights.export;

import dev.custflow.connectors.testkit.ScratchDatabase;

/** The SQL export on H2 (an embedded file database: always runs). */
class H2SqlExportTest extends SqlExportTests {
    @Override
    ScratchDatabase open() throws Exception {
        return ScratchDatabase.h2("bi", "");
    }
}
