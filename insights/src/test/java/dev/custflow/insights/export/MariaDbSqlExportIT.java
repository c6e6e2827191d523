package dev.custflow.insights.export;

import dev.custflow.connectors.testkit.ScratchDatabase;

/** The SQL export on the local MariaDB (a database made for this class); skipped where none runs. */
class MariaDbSqlExportIT extends SqlExportTests {
    @Override
    ScratchDatabase open() {
        return ScratchDatabase.mariadb("cf_bi_", "");
    }
}
