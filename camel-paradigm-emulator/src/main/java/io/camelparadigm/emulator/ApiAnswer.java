package io.camelparadigm.emulator;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What the emulator answers to one request; {@code body} is null for a 204. */
record ApiAnswer(int status, JsonNode body, Map<String, String> headers, Disposition disposition) {

    enum Disposition {
        /** Write the answer. */
        RESPOND,
        /** Write the answer and close the connection: the request body was not read. */
        RESPOND_AND_CLOSE,
        /** Close the connection without answering. */
        DROP
    }

    static ApiAnswer json(int status, JsonNode body) {
        return new ApiAnswer(status, body, Map.of(), Disposition.RESPOND);
    }

    /** 204: done, nothing to say. */
    static ApiAnswer noContent() {
        return new ApiAnswer(204, null, Map.of(), Disposition.RESPOND);
    }

    static ApiAnswer drop() {
        return new ApiAnswer(RequestLog.NO_RESPONSE, null, Map.of(), Disposition.DROP);
    }
}
