package io.camelparadigm.examples.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelparadigm.component.paradigm.ParadigmDocumentException;
import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.client.ParadigmJson;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The JSON answers of the webhook intake. */
final class WebhookAnswers {

    private WebhookAnswers() {
    }

    /** 201: Paradigm stored the document and will process it. */
    static void stored(Exchange exchange) throws JsonProcessingException {
        answer(exchange, 201, document(exchange.getMessage().getBody(ParadigmFile.class)));
    }

    /** 200: the document is processed (embedded). */
    static void processed(Exchange exchange) throws JsonProcessingException {
        answer(exchange, 200, document(exchange.getMessage().getBody(ParadigmFile.class)));
    }

    /** 422: stored, but Paradigm could not process it. */
    static void processingFailed(Exchange exchange) throws JsonProcessingException {
        answer(exchange, 422, document(failure(exchange, ParadigmDocumentException.class).getFile()));
    }

    /** 202: stored, still processing when the wait ran out; the caller can follow it by id. */
    static void stillProcessing(Exchange exchange) throws JsonProcessingException {
        answer(exchange, 202, document(failure(exchange, ParadigmDocumentException.class).getFile()));
    }

    /** 400: the request cannot become a Paradigm upload (no filename, empty body, metadata without id...). */
    static void badRequest(Exchange exchange) throws JsonProcessingException {
        answer(exchange, 400, Map.of("error", failure(exchange, Exception.class).getMessage()));
    }

    /** 415: a form-encoded body; the document must be the raw request body. */
    static void unsupportedEncoding(Exchange exchange) throws JsonProcessingException {
        answer(exchange, 415, Map.of("error", failure(exchange, Exception.class).getMessage()));
    }

    /**
     * Paradigm's own refusal: a 4xx about the request (a field, the size, the rate) is passed on; 401, 403 and 404 are
     * about the intake's own key and workspace, which its caller cannot change, and like a 5xx they are a 502.
     */
    static void paradigmRefused(Exchange exchange) throws JsonProcessingException {
        ParadigmApiException refusal = failure(exchange, ParadigmApiException.class);
        int paradigmStatus = refusal.getHttpStatus();
        boolean callersRequest = paradigmStatus >= 400 && paradigmStatus < 500 && paradigmStatus != 401
                                 && paradigmStatus != 403 && paradigmStatus != 404;
        int status = callersRequest ? paradigmStatus : 502;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refusal.getError());
        body.put("code", refusal.getCode());
        body.put("detail", refusal.getDetail());
        body.put("paradigm_status", refusal.getHttpStatus());
        answer(exchange, status, body);
    }

    private static Map<String, Object> document(ParadigmFile file) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", file.id());
        body.put("filename", file.filename());
        body.put("status", file.status());
        if (file.statusDetail() != null) {
            body.put("status_detail", file.statusDetail());
        }
        body.put("upload_session_uuid", file.uploadSessionUuid());
        body.put("external_id", file.externalId());
        return body;
    }

    private static <T extends Exception> T failure(Exchange exchange, Class<T> type) {
        return type.cast(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    private static void answer(Exchange exchange, int status, Object body) throws JsonProcessingException {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(ParadigmJson.mapper().writeValueAsString(body));
    }
}
