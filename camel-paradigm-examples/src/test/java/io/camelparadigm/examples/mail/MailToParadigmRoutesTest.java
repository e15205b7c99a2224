package io.camelparadigm.examples.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.StoredFile;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Emails from a GreenMail IMAP server (dynamic ports) to the emulator (manual clock), and the outcome per email. */
class MailToParadigmRoutesTest extends CamelTestSupport {

    private static final String MAILBOX = "docs@example.com";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, "docs", "secret"));

    @RegisterExtension
    static final ParadigmEmulatorExtension PARADIGM = ParadigmEmulatorExtension.builder().manualClock().build();

    @BeforeEach
    void emptyEmulator() {
        PARADIGM.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(PARADIGM.baseUrl());
        paradigm.getConfiguration().setApiKey(PARADIGM.apiKey());
        Properties properties = new Properties();
        properties.put("paradigm.workspace-id", String.valueOf(PARADIGM.workspaceId()));
        properties.put("mail.protocol", "imap");
        properties.put("mail.host", "127.0.0.1");
        properties.put("mail.port", String.valueOf(MAIL.getImap().getPort()));
        properties.put("mail.username", "docs");
        properties.put("mail.password", "secret");
        properties.put("mail.poll-delay", "100");
        // the emulator's manual clock starts in 2025: "now" by this machine's clock would be later than every change
        properties.put("mail.events-start-from", "all");
        properties.put("mail.events-poll-delay", "50");
        properties.put("mail.outcome-uri", "mock:outcome");
        context.getPropertiesComponent().setOverrideProperties(properties);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new MailToParadigmRoutes();
    }

    @Test
    void bodyAndAttachmentsBecomeLinkedDocumentsAndTheEmailIsPartialWhenOneFails() throws Exception {
        PARADIGM.scriptFailure("^scan-", "parsing_failed", "PDF is encrypted");

        String messageId = send("Q3 invoices", "Please file the attached invoices.",
                attachment("notes.md", "# Notes\nPaid on time.", "text/markdown"),
                attachment("scan-invoice.pdf", "%PDF-1.4 scanned", "application/pdf"));

        awaitStoredFiles(3);
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId()))
                .extracting(StoredFile::filename, StoredFile::title, StoredFile::externalId)
                .containsExactlyInAnyOrder(
                        tuple("email-body.txt", "Q3 invoices", messageId + "#body"),
                        tuple("notes.md", "notes.md",
                                messageId + "#attachment:notes.md"),
                        tuple("scan-invoice.pdf", "scan-invoice.pdf",
                                messageId + "#attachment:scan-invoice.pdf"));

        MockEndpoint outcome = getMockEndpoint("mock:outcome");
        outcome.expectedMessageCount(1);
        PARADIGM.advance(Duration.ofSeconds(10)); // processed (3 s), and past the consumer's overlap
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, outcome);

        EmailOutcome email = outcome.getReceivedExchanges().get(0).getMessage().getBody(EmailOutcome.class);
        assertThat(email.status()).isEqualTo(EmailOutcome.PARTIAL);
        assertThat(outcome.getReceivedExchanges().get(0).getMessage().getHeader(MailToParadigmRoutes.EMAIL_STATUS))
                .isEqualTo(EmailOutcome.PARTIAL);
        assertThat(email.messageId()).isEqualTo(messageId);
        assertThat(email.subject()).isEqualTo("Q3 invoices");
        assertThat(email.documents()).extracting(ParadigmFile::filename, ParadigmFile::status)
                .containsExactlyInAnyOrder(
                        tuple("email-body.txt", "embedded"),
                        tuple("notes.md", "embedded"),
                        tuple("scan-invoice.pdf", "parsing_failed"));
        ParadigmFile attachment = email.documents().stream()
                .filter(file -> file.filename().equals("notes.md")).findFirst().orElseThrow();
        assertThat(attachment.externalMetadata().docType()).isEqualTo(EmailDocument.DOC_TYPE_ATTACHMENT);
        assertThat(attachment.externalMetadata().additionalMetadata())
                .containsEntry(EmailDocument.MESSAGE_ID, messageId)
                .containsEntry(EmailDocument.SUBJECT, "Q3 invoices")
                .containsEntry(EmailDocument.ATTACHMENT_NAME, "notes.md")
                .containsEntry(EmailDocument.EMAIL_DOCUMENTS, 3)
                .hasEntrySatisfying(EmailDocument.FROM, from -> assertThat(from.toString()).contains("alice@example.com"));
    }

    @Test
    void eachEmailGetsItsOwnOutcome() throws Exception {
        PARADIGM.scriptFailure("^broken-", "fail", "Unsupported format");

        String good = send("Minutes", "Minutes of the Monday meeting.");
        String bad = send("Broken", "", attachment("broken-1.bin", "\u0000\u0001", "application/octet-stream"),
                attachment("broken-2.bin", "\u0002\u0003", "application/octet-stream"));
        awaitStoredFiles(3);

        MockEndpoint outcome = getMockEndpoint("mock:outcome");
        outcome.expectedMessageCount(2);
        PARADIGM.advance(Duration.ofSeconds(10)); // processed (3 s), and past the consumer's overlap
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, outcome);

        assertThat(outcome.getReceivedExchanges()).extracting(exchange -> exchange.getMessage().getBody(EmailOutcome.class))
                .extracting(EmailOutcome::messageId, EmailOutcome::status, email -> email.documents().size())
                .containsExactlyInAnyOrder(
                        tuple(good, EmailOutcome.COMPLETED, 1),
                        tuple(bad, EmailOutcome.FAILED, 2));
    }

    @Test
    void anEmailReadAgainUploadsNothingTwice() throws Exception {
        // one message on mock:read-done each time the intake route has finished with an email
        AdviceWith.adviceWith(context, MailToParadigmRoutes.INTAKE_ROUTE_ID,
                route -> route.weaveAddLast().to("mock:read-done"));
        MockEndpoint readDone = getMockEndpoint("mock:read-done");
        readDone.expectedMessageCount(1);

        String messageId = send("Contract", "Signed contract attached.",
                attachment("contract.md", "# Contract\nSigned.", "text/markdown"));
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, readDone);
        assertThat(PARADIGM.storedFiles()).hasSize(2);

        // as if the mailbox handed the email out again (e.g. the app died before it was marked seen)
        readDone.reset();
        readDone.expectedMessageCount(1);
        markAllUnseen();
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, readDone);

        assertThat(PARADIGM.storedFiles()).extracting(StoredFile::externalId)
                .containsExactlyInAnyOrder(messageId + "#body", messageId + "#attachment:contract.md");
        assertThat(PARADIGM.requests()).filteredOn(request -> request.method().equals("POST")).hasSize(2);
    }

    /** Waits until the intake route has uploaded this many documents (it polls the mailbox on its own thread). */
    private static void awaitStoredFiles(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (PARADIGM.storedFiles().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(PARADIGM.storedFiles()).hasSize(count);
    }

    private static void markAllUnseen() throws Exception {
        withInbox(inbox -> {
            inbox.setFlags(inbox.getMessages(), new Flags(Flags.Flag.SEEN), false);
            return null;
        });
    }

    private interface InboxAction<T> {
        T apply(Folder inbox) throws Exception;
    }

    private static <T> T withInbox(InboxAction<T> action) throws Exception {
        Store store = MAIL.getImap().createSession().getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), "docs", "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                return action.apply(inbox);
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static MimeBodyPart attachment(String name, String content, String type) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content.getBytes(StandardCharsets.UTF_8), type)));
        part.setFileName(name);
        return part;
    }

    /** Sends an email to the mailbox over SMTP and answers its Message-ID. */
    private static String send(String subject, String text, MimeBodyPart... attachments) throws Exception {
        Session session = MAIL.getSmtp().createSession();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject);
        MimeMultipart content = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        content.addBodyPart(body);
        for (MimeBodyPart attachment : attachments) {
            content.addBodyPart(attachment);
        }
        message.setContent(content);
        message.saveChanges();
        Transport.send(message);
        return message.getMessageID();
    }
}
