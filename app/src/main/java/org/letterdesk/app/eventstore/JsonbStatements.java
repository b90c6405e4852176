package org.letterdesk.app.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Insert statements for the event and snapshot tables that cast the serialized JSON to jsonb on the server.
 * Doing the cast in SQL keeps {@code stringtype=unspecified} off the JDBC URL, where it would change how every
 * other string parameter of the application is typed.
 */
final class JsonbStatements {

    private JsonbStatements() {
    }

    static PreparedStatement appendEvents(Connection connection, EventSchema schema, Class<?> dataType,
                                          List<? extends EventMessage<?>> events, Serializer serializer,
                                          TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(insertInto(schema.domainEventTable(), schema));
        for (EventMessage<?> message : events) {
            bind(statement, asDomainEvent(message), dataType, serializer, timestampWriter);
            statement.addBatch();
        }
        return statement;
    }

    /**
     * Like {@link #appendEvents}, with each event's chain hash added to its metadata by the statement itself
     * ({@code letterdesk_chained_meta}, migration V60): the previous hash is read in the appending transaction, and
     * the batch's statements run in order, so an event sees the one appended just before it. Two transactions
     * appending the same sequence number both compute a hash; the (aggregate, sequence) key refuses the second.
     */
    static PreparedStatement appendChainedEvents(Connection connection, EventSchema schema, Class<?> dataType,
                                                 List<? extends EventMessage<?>> events, Serializer serializer,
                                                 TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(insertInto(schema.domainEventTable(), schema)
                .replace(", CAST(? AS jsonb))", ", letterdesk_chained_meta(CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, "
                        + "CAST(? AS jsonb)))"));
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<?> payload = bind(statement, event, dataType, serializer, timestampWriter);
            statement.setString(10, event.getIdentifier());
            statement.setString(11, event.getAggregateIdentifier());
            statement.setLong(12, event.getSequenceNumber());
            statement.setString(13, event.getType());
            timestampWriter.writeTimestamp(statement, 14, event.getTimestamp());
            statement.setString(15, payload.getType().getName());
            statement.setString(16, payload.getType().getRevision());
            statement.setString(17, (String) payload.getData());
            statement.addBatch();
        }
        return statement;
    }


    static PreparedStatement appendSnapshot(Connection connection, EventSchema schema, Class<?> dataType,
                                            DomainEventMessage<?> snapshot, Serializer serializer,
                                            TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(insertInto(schema.snapshotTable(), schema));
        bind(statement, snapshot, dataType, serializer, timestampWriter);
        return statement;
    }

    private static String insertInto(String table, EventSchema schema) {
        return "INSERT INTO " + table + " (" + schema.eventIdentifierColumn() + ", "
                + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn() + ", "
                + schema.typeColumn() + ", " + schema.timestampColumn() + ", " + schema.payloadTypeColumn() + ", "
                + schema.payloadRevisionColumn() + ", " + schema.payloadColumn() + ", " + schema.metaDataColumn()
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))";
    }

    private static SerializedObject<?> bind(PreparedStatement statement, DomainEventMessage<?> event,
                                            Class<?> dataType, Serializer serializer, TimestampWriter timestampWriter)
            throws SQLException {
        SerializedObject<?> payload = event.serializePayload(serializer, dataType);
        SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
        statement.setString(1, event.getIdentifier());
        statement.setString(2, event.getAggregateIdentifier());
        statement.setLong(3, event.getSequenceNumber());
        statement.setString(4, event.getType());
        timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
        statement.setString(6, payload.getType().getName());
        statement.setString(7, payload.getType().getRevision());
        statement.setString(8, (String) payload.getData());
        statement.setString(9, (String) metaData.getData());
        return payload;
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> message) {
        // Events published outside an aggregate have no stream; they are stored as Axon stores them.
        return message instanceof DomainEventMessage<?> domainEvent
                ? domainEvent
                : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
    }
}
