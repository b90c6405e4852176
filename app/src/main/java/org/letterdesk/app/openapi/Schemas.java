package org.letterdesk.app.openapi;

import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

import java.util.LinkedHashSet;
import java.util.List;

/** OpenAPI 3.1 schema objects (a 3.0-style schema's {@code type} is not written in a 3.1 document). */
final class Schemas {

    private Schemas() {
    }

    static Schema<Object> of(String type) {
        Schema<Object> schema = new JsonSchema();
        schema.setSpecVersion(SpecVersion.V31);
        schema.setTypes(new LinkedHashSet<>(List.of(type)));
        return schema;
    }

    static Schema<Object> string(int maxLength) {
        return of("string").maxLength(maxLength);
    }

    static Schema<Object> ref(String component) {
        Schema<Object> schema = new JsonSchema();
        schema.setSpecVersion(SpecVersion.V31);
        schema.set$ref("#/components/schemas/" + component);
        return schema;
    }

    static String typeOf(Schema<?> schema) {
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse("null");
        }
        return schema.getType();
    }
}
