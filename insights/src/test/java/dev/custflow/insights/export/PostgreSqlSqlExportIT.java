package dev.custflow.insights.export;

import dev.custflow.connectors.testkit.ScratchDatabase;

/** The SQL export on the local PostgreSQL (a database made for this class); skipped where none runs. */
class PostgreSqlSqlExportIT extends SqlExportTests {
    @Override
    ScratchDatabase open() {
        return ScratchDatabase.postgres("cf_bi_");
    }
}
