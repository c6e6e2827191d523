-- Custflow JDBC connector, schema version 1 (MariaDB, MySQL). ${prefix} is the table prefix (cf_ by default).
-- utf8mb4_bin: customer ids that differ only in case are different customers.
-- One row per customer: the engine's snapshot, opaque bytes.
CREATE TABLE ${prefix}customer (
    customer_id    VARCHAR(200) NOT NULL PRIMARY KEY,
    snapshot       LONGBLOB     NOT NULL,
    event_position BIGINT       NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
-- One row per engine: how far it got, its own state, and the version that fences two engines apart.
CREATE TABLE ${prefix}engine_state (
    engine_id      VARCHAR(100) NOT NULL PRIMARY KEY,
    event_position BIGINT       NOT NULL,
    last_event_id  VARCHAR(500),
    engine_state   LONGBLOB,
    version        BIGINT       NOT NULL,
    updated_at     BIGINT       NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
-- Actions written with the state that produced them, until a relay has delivered them.
CREATE TABLE ${prefix}outbox (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    action_id      VARCHAR(500) NOT NULL,
    customer_id    VARCHAR(200) NOT NULL,
    partition_no   INT          NOT NULL,
    event_position BIGINT       NOT NULL,
    payload        MEDIUMTEXT   NOT NULL,
    created_at     BIGINT       NOT NULL,
    sent_at        BIGINT,
    INDEX ${prefix}outbox_pending (partition_no, sent_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
-- One row per relay partition: which relay owns it, until when, and a fence that grows with every new owner.
CREATE TABLE ${prefix}relay_lease (
    partition_no INT          NOT NULL PRIMARY KEY,
    lease_owner  VARCHAR(200),
    expires_at   BIGINT       NOT NULL,
    fence        BIGINT       NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
