package dev.custflow.insights.export;

/** The SQL export on the local PostgreSQL (a database made for this class); skipped where none runs. */
class PostgreSqlSqlExportIT extends SqlExportTests {
    @Override
    ExportDatabase open() {
        return ExportDatabase.postgres();
    }
}
