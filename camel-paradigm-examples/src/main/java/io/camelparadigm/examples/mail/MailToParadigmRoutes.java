package io.camelparadigm.examples.mail;

import org.apache.camel.builder.RouteBuilder;

/**
 * Email to Paradigm, in two routes.
 * <ul>
 * <li>{@code mail-intake}: reads a mailbox (IMAP) and uploads the text body and each attachment of every new email
 * as documents of their own, linked by {@code external_metadata} (message id, subject, sender, attachment name).
 * The external ids are stable, and uploads use {@code onExisting=skip}: an email read again (after a crash before
 * it was marked as seen) uploads nothing twice.</li>
 * <li>{@code mail-outcome}: follows the final statuses of these documents ({@code paradigm:fileEvents} filtered on
 * {@code doc_type} email) and, once every document of an email is final, sends one {@link EmailOutcome}
 * (COMPLETED, PARTIAL or FAILED) to {@code {{mail.outcome-uri}}}.</li>
 * </ul>
 * The outcome is rolled up per email rather than per Paradigm upload session: a session groups every upload made
 * with one key within a minute, which may span several emails.
 * <p>
 * Properties: {@code paradigm.workspace-id}; {@code mail.protocol} (default imaps), {@code mail.host},
 * {@code mail.port}, {@code mail.username}, {@code mail.password}, {@code mail.poll-delay} (ms, default 60000);
 * {@code mail.events-start-from} (default now), {@code mail.events-poll-delay} (ms, default 5000),
 * {@code mail.outcome-timeout} (ms an email may take, default one hour), {@code mail.outcome-uri} (default a log).
 */
public class MailToParadigmRoutes extends RouteBuilder {

    public static final String INTAKE_ROUTE_ID = "mail-intake";
    public static final String OUTCOME_ROUTE_ID = "mail-outcome";
    public static final String EMAIL_STATUS = "EmailStatus";

    @Override
    public void configure() {
        // peek: when the exchange fails, camel-mail puts the email back to unseen and the next poll tries again
        from("{{mail.protocol:imaps}}://{{mail.host}}:{{mail.port}}?username={{mail.username}}"
             + "&password=RAW({{mail.password}})&unseen=true&peek=true&delete=false&delay={{mail.poll-delay:60000}}")
                .routeId(INTAKE_ROUTE_ID)
                .process(EmailDocuments::split)
                .log("Email ${header.Message-ID} \"${header.Subject}\": uploading ${body.size()} document(s)")
                .split(body()).stopOnException()
                    .process(EmailDocument::toUpload)
                    .to("paradigm:upload?workspaceId={{paradigm.workspace-id}}&onExisting=skip")
                .end();

        // doc_type is a partial match: "email" also selects "email-attachment"
        from("paradigm:fileEvents?workspaceId={{paradigm.workspace-id}}&docType=" + EmailDocument.DOC_TYPE_BODY
             + "&terminalOnly=true&startFrom={{mail.events-start-from:now}}&delay={{mail.events-poll-delay:5000}}")
                .routeId(OUTCOME_ROUTE_ID)
                .aggregate(method(EmailDocumentsAggregation.class, "messageIdOf"), new EmailDocumentsAggregation())
                    .completionPredicate(EmailDocumentsAggregation::allDocumentsSeen)
                    .completionTimeout("{{mail.outcome-timeout:3600000}}")
                    .process(EmailDocumentsAggregation::toOutcome)
                    .to("{{mail.outcome-uri:log:paradigm.mail}}")
                .end();
    }
}
