package org.letterdesk.command.letter;

import org.letterdesk.command.procedure.CommandResult;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a typed command result by the names the HTTP response gives them: the letter's outcome fields and
 * the command's own components, each as the Java value (a record of deadlines as a map of its components); null
 * values are left out, as the response leaves them out.
 */
final class ResultValues {

    private ResultValues() {
    }

    static Map<String, Object> of(CommandResult result) {
        Map<String, Object> values = new LinkedHashMap<>(components(result.letter()));
        components((Record) result).forEach((name, value) -> {
            if (!name.equals("letter") && value != null) {
                values.put(name, value instanceof Record r ? components(r) : value);
            }
        });
        return values;
    }

    private static Map<String, Object> components(Record record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(record);
                if (value != null) { // as the response leaves it out
                    values.put(component.getName(), value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }
}
