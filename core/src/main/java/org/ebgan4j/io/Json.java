package org.ebgan4j.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The JSON mappers of ebgan4j's files: indented output; a lenient reader for reports, a strict one for configs. */
public final class Json {

    private static final ObjectMapper LENIENT = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private Json() {}

    /** Reads reports and files written by other versions: unknown fields are ignored. */
    public static ObjectMapper mapper() {
        return LENIENT;
    }

    /** Reads configs: an unknown or missing field is an error, not a silent default. */
    public static ObjectMapper strict() {
        return STRICT;
    }
}
