package org.letterdesk.query.letter;

import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the stored letter view documents, tolerant of fields added later. */
@Component
public class LetterViewJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public LetterView read(String document) {
        return mapper.readValue(document, LetterView.class);
    }

    public String write(LetterView view) {
        return mapper.writeValueAsString(view);
    }
}
