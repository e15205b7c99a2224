package io.camelparadigm.examples.mail;

import java.util.ArrayList;
import java.util.List;

import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** Collects the final states of the documents of one email; complete when every document of the email is there. */
public class EmailDocumentsAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange collected, Exchange next) {
        ParadigmFile file = next.getMessage().getBody(ParadigmFile.class);
        if (collected == null) {
            List<ParadigmFile> files = new ArrayList<>();
            files.add(file);
            next.getMessage().setBody(files);
            return next;
        }
        @SuppressWarnings("unchecked")
        List<ParadigmFile> files = collected.getMessage().getBody(List.class);
        // a file seen again (at-least-once delivery) replaces its earlier state
        files.removeIf(seen -> seen.id() == file.id());
        files.add(file);
        return collected;
    }

    /** The correlation key: the message id of the email the document came from. */
    public static String messageIdOf(ParadigmFile file) {
        return (String) EmailOutcome.metadata(file).get(EmailDocument.MESSAGE_ID);
    }

    /** The completion predicate: every document the email was split into has a final status. */
    public static boolean allDocumentsSeen(Exchange exchange) {
        return !EmailOutcome.INCOMPLETE.equals(outcomeOf(exchange).status());
    }

    /** Replaces the collected documents with their {@link EmailOutcome}, its status also in a header. */
    public static void toOutcome(Exchange exchange) {
        EmailOutcome outcome = outcomeOf(exchange);
        exchange.getMessage().setHeader(MailToParadigmRoutes.EMAIL_STATUS, outcome.status());
        exchange.getMessage().setBody(outcome);
    }

    @SuppressWarnings("unchecked")
    private static EmailOutcome outcomeOf(Exchange exchange) {
        return EmailOutcome.of(exchange.getMessage().getBody(List.class));
    }
}
