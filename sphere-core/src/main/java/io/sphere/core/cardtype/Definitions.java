package io.sphere.core.cardtype;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON form of a definition, as stored in card_type.definition and card_type_version.definition. */
final class Definitions {

    static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Definitions() {
    }

    static String write(CardTypeDefinition d) {
        try {
            return JSON.writeValueAsString(d);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a card type definition", e);
        }
    }

    static CardTypeDefinition read(String json) {
        try {
            return JSON.readValue(json, CardTypeDefinition.class);
        } catch (IOException e) {
            throw new IllegalStateException("A stored card type definition cannot be read", e);
        }
    }
}
