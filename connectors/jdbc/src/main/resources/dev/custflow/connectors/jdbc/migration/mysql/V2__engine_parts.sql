-- Custflow JDBC connector, schema version 2 (MariaDB, MySQL). ${prefix} is the table prefix (cf_ by default).
-- The engine state in keyed parts (docs/jdbc.md): one row per part, so that a commit writes only the parts it
-- changed (the main part and the newest segments of the id windows and owner indexes), not the whole state.
CREATE TABLE ${prefix}engine_part (
    engine_id      VARCHAR(100) NOT NULL,
    part_key       VARCHAR(100) NOT NULL,
    part_bytes     LONGBLOB       NOT NULL,
    event_position BIGINT       NOT NULL,
    PRIMARY KEY (engine_id, part_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
-- A version 1 engine state (one piece) becomes the part "state": the engine still reads that format.
INSERT INTO ${prefix}engine_part (engine_id, part_key, part_bytes, event_position)
    SELECT engine_id, 'state', engine_state, event_position FROM ${prefix}engine_state WHERE engine_state IS NOT NULL;
-- The engine_state row keeps the position, the last event id and the version that fences two engines apart.
ALTER TABLE ${prefix}engine_state DROP COLUMN engine_state;
