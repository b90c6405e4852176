package org.letterdesk.app.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Axon's JDBC engine reading jsonb payload and metadata as JSON text. Without this, the driver hands jsonb over as
 * a {@code PGobject}, which Axon's serializer cannot convert.
 */
class JsonbEventStorageEngine extends JdbcEventStorageEngine {

    JsonbEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <T> T readPayload(ResultSet resultSet, String columnName) throws SQLException {
        return (T) resultSet.getString(columnName);
    }
}
