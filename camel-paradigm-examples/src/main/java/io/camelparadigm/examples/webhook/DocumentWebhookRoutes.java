package io.camelparadigm.examples.webhook;

import io.camelparadigm.component.paradigm.ParadigmCompletionTimeoutException;
import io.camelparadigm.component.paradigm.ParadigmProcessingFailedException;
import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import org.apache.camel.builder.RouteBuilder;

/**
 * A webhook intake: any system POSTs a document (the raw bytes as the request body, its metadata in
 * {@code X-Document-*} headers, see {@link WebhookHeaders}) and gets the Paradigm file id back. The body is the
 * document itself, with its own content type or {@code application/octet-stream}; form encodings are refused (415).
 * <ul>
 * <li>{@code POST {{webhook.path}}}: answers 201 as soon as Paradigm stored the document (status pending);</li>
 * <li>{@code POST {{webhook.path}}/processed}: waits until Paradigm has processed it and answers 200 with the final
 * status, or 422 when processing failed.</li>
 * </ul>
 * Properties: {@code paradigm.workspace-id} (required), {@code webhook.path} (default {@code /documents}),
 * {@code webhook.completion-poll-interval} and {@code webhook.completion-timeout} (durations, default 2s and 10m).
 */
public class DocumentWebhookRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "webhook-intake";
    public static final String PROCESSED_ROUTE_ID = "webhook-intake-processed";

    @Override
    public void configure() {
        onException(ParadigmValidationException.class)
                .handled(true)
                .process(WebhookAnswers::badRequest);
        onException(UnsupportedDocumentEncodingException.class)
                .handled(true)
                .process(WebhookAnswers::unsupportedEncoding);
        onException(ParadigmProcessingFailedException.class)
                .handled(true)
                .process(WebhookAnswers::processingFailed);
        onException(ParadigmCompletionTimeoutException.class)
                .handled(true)
                .process(WebhookAnswers::stillProcessing);
        onException(ParadigmApiException.class)
                .handled(true)
                .process(WebhookAnswers::paradigmRefused);

        from("platform-http:{{webhook.path:/documents}}?httpMethodRestrict=POST")
                .routeId(ROUTE_ID)
                .process(WebhookHeaders::toUploadHeaders)
                .to("paradigm:upload?workspaceId={{paradigm.workspace-id}}")
                .process(WebhookAnswers::stored);

        from("platform-http:{{webhook.path:/documents}}/processed?httpMethodRestrict=POST")
                .routeId(PROCESSED_ROUTE_ID)
                .process(WebhookHeaders::toUploadHeaders)
                .to("paradigm:upload?workspaceId={{paradigm.workspace-id}}&waitForCompletion=true"
                    + "&completionPollInterval={{webhook.completion-poll-interval:2s}}"
                    + "&completionTimeout={{webhook.completion-timeout:10m}}")
                .process(WebhookAnswers::processed);
    }
}
