package org.letterdesk.app.web;

import org.letterdesk.time.ContractTime;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times in HTTP requests and responses are RFC 3339 date-times: responses give them with the organisation's
 * offset (2026-09-30T15:00:00+08:00, as the contract shows) in whole minutes, and a request's date-time must be
 * such a text with a four-digit year in the organisation's zone, or the field is refused (400 VALIDATION_FAILED
 * naming it) — Jackson alone would also take epoch numbers, offsets without a colon and years of any length.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer rfc3339Times(ZoneId zone) {
        SimpleModule module = new SimpleModule("letterdesk-times");
        module.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(ContractTime.format(value, zone));
            }
        });
        module.addDeserializer(OffsetDateTime.class, new Rfc3339Deserializer(zone));
        module.addDeserializer(String.class, new StorableText());
        return builder -> builder.addModule(module);
    }

    /**
     * PostgreSQL cannot store the character U+0000 in text or jsonb: a request text holding it (its JSON escape) would
     * be accepted here and refused by the database as the events are appended, a 500. It is refused as the field's
     * invalid value instead (400 VALIDATION_FAILED naming the field).
     */
    private static final class StorableText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, value.replace('\0', ' '),
                        "contains the character U+0000, which cannot be stored");
            }
            return value;
        }
    }

    private static final class Rfc3339Deserializer extends StdDeserializer<OffsetDateTime> {

        private final ZoneId zone;

        Rfc3339Deserializer(ZoneId zone) {
            super(OffsetDateTime.class);
            this.zone = zone;
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            String text = p.getString().strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                OffsetDateTime time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                if (ContractTime.writable(time, zone)) {
                    // In UTC, as Jackson's own deserializer gives it: idempotency fingerprints of request bodies
                    // stay what they were, and equal for the same instant however its offset was written.
                    return time.withOffsetSameInstant(ZoneOffset.UTC);
                }
            } catch (DateTimeParseException e) {
                // reported below, as for a time out of range
            }
            return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text,
                    "not an RFC 3339 date-time with offset whose year, in " + zone + ", is 0001–9999");
        }
    }
}
