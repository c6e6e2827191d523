package dev.custflow.insights.export;

/** The SQL export on H2 (an embedded file database: always runs). */
class H2SqlExportTest extends SqlExportTests {
    @Override
    ExportDatabase open() throws Exception {
        return ExportDatabase.h2();
    }
}
