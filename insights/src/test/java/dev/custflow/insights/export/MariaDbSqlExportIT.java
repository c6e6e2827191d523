package dev.custflow.insights.export;

/** The SQL export on the local MariaDB (a database made for this class); skipped where none runs. */
class MariaDbSqlExportIT extends SqlExportTests {
    @Override
    ExportDatabase open() {
        return ExportDatabase.mariadb();
    }
}
