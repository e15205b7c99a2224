package io.camelparadigm.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reading request bodies the way the service's REST framework does, with its error answers. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** The body's media type, without parameters; null when the request names none or an unknown one. */
    static MimeTypes.Type type(Request request) {
        String mimeType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return mimeType == null ? null : MimeTypes.getBaseType(mimeType);
    }

    /** 415 naming the media type sent and those {@code accepted}. */
    static ApiException unsupported(Request request, String accepted) {
        return new ApiException(415, "unsupported_media_type", "unsupported_media_type",
                "Unsupported media type '" + request.getHeaders().get(HttpHeader.CONTENT_TYPE) + "': send "
                        + accepted + ".");
    }

    /** The body as JSON; 400 when it is empty or not JSON. */
    static JsonNode json(Request request, ObjectMapper mapper) throws ApiException {
        try {
            String text = Content.Source.asString(request, StandardCharsets.UTF_8);
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw ApiException.validation("parse_error", "JSON parse error: empty body.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.validation("parse_error", "JSON parse error: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.validation("parse_error", "The request body could not be read.");
        }
    }
}
