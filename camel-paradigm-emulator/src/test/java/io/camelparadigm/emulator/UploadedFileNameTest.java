package io.camelparadigm.emulator;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.FormBodyPartBuilder;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator names an uploaded file the way the real service's Django stack does, so a client that encodes
 * names wrongly is caught: {@code filename} is taken as written (no percent-decoding), {@code filename*} is
 * decoded (RFC 2231) and wins when it comes last, text is decoded with the request's charset.
 */
class UploadedFileNameTest {

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().build();

    private static final byte[] CONTENT = "some text".getBytes(StandardCharsets.UTF_8);
    private static final ContentType TEXT = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);

    @RegisterExtension
    final ApiTestClient api = ApiTestClient.onEmptiedEmulator(EMULATOR);

    @Test
    void aRawUtf8FilenameAsBrowsersSendItIsStoredAsIs() {
        JsonNode stored = upload("form-data; name=\"file\"; filename=\"résumé été 日本語.txt\"");

        assertThat(stored.get("filename").asText()).isEqualTo("résumé été 日本語.txt");
        assertThat(stored.get("title").asText()).isEqualTo("résumé été 日本語");
        assertThat(stored.get("extension").asText()).isEqualTo("txt");
    }

    @Test
    void percentSignsInFilenameAreNotDecoded() {
        JsonNode stored = upload("form-data; name=\"file\"; filename=\"file%20with%20spaces.txt\"");

        assertThat(stored.get("filename").asText()).isEqualTo("file%20with%20spaces.txt");
        assertThat(stored.get("title").asText()).isEqualTo("file%20with%20spaces");
    }

    @Test
    void filenameStarIsDecodedAndTheLastParameterWins() {
        assertThat(upload("form-data; name=\"file\"; filename=\"fallback.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9+1.txt")
                .get("filename").asText()).isEqualTo("résumé+1.txt");
        assertThat(upload("form-data; name=\"file\"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt; filename=\"fallback.txt\"")
                .get("filename").asText()).isEqualTo("fallback.txt");
    }

    @Test
    void httpClientExtendedModeNamesAreStoredMangledAsTheRealServiceStoresThem() {
        // what HttpClient 5's EXTENDED multipart mode sends: a percent-encoded filename and, for names beyond
        // ISO-8859-1, a filename* (doubly encoded in 5.5, HTTPCLIENT-2395), under charset=ISO-8859-1
        assertThat(uploadExtended("file with spaces.txt").get("filename").asText())
                .isEqualTo("file%20with%20spaces.txt");
        // 5.5 (HTTPCLIENT-2395): stored as UTF-8''r%C3%A9sum%C3%A9%20...; 5.6 encodes filename* once, and the
        // decoded name is then read with the form's charset=ISO-8859-1: rÃ©sumÃ©...
        assertThat(uploadExtended("résumé été 日本語.txt").get("filename").asText())
                .isNotEqualTo("résumé été 日本語.txt")
                .satisfiesAnyOf(name -> assertThat(name).startsWith("UTF-8''r%C3%A9sum%C3%A9%20%C3%A9t%C3%A9%20"),
                        name -> assertThat(name).startsWith("rÃ©sumÃ© Ã©tÃ© "));
    }

    @Test
    void escapedQuotesAreUnescapedAndSemicolonsInQuotesKept() {
        assertThat(upload("form-data; name=\"file\"; filename=\"say \\\"hi\\\"; then go.txt\"")
                .get("filename").asText()).isEqualTo("say \"hi\"; then go.txt");
    }

    @Test
    void directoriesAreCutOffAndNonPrintableCharactersRemoved() {
        assertThat(upload("form-data; name=\"file\"; filename=\"../../etc/passwd.txt\"").get("filename").asText())
                .isEqualTo("passwd.txt");
        assertThat(upload("form-data; name=\"file\"; filename=\"C:\\\\Users\\\\me\\\\a.txt\"").get("filename").asText())
                .isEqualTo("a.txt");
        assertThat(upload("form-data; name=\"file\"; filename=\"zero\u200Bwidth\u0085.txt\"").get("filename").asText())
                .isEqualTo("zerowidth.txt");
    }

    @Test
    void characterReferencesAreDecodedAsPythonsHtmlUnescapeDoesBeforeThePathIsCut() {
        assertThat(upload("form-data; name=\"file\"; filename=\"R&amp;D &copy 2024 &#x263A; &#233;t&eacute;.txt\"")
                .get("filename").asText()).isEqualTo("R&D © 2024 ☺ été.txt");
        assertThat(upload("form-data; name=\"file\"; filename=\"a & b &unknown; c.txt\"").get("filename").asText())
                .isEqualTo("a & b &unknown; c.txt");
        assertThat(upload("form-data; name=\"file\"; filename=\"dir&#47;inner.txt\"").get("filename").asText())
                .isEqualTo("inner.txt");
    }

    @Test
    void aFieldSentTwiceIsReadAsItsLastValueAndTrimmed() {
        MultipartEntityBuilder twice = utf8Form()
                .addTextBody("title", "first", TEXT)
                .addTextBody("title", "  second  ", TEXT)
                .addTextBody("filename", "one.txt", TEXT)
                .addTextBody("filename", "two.txt", TEXT);
        ApiTestClient.Reply reply = api.postMultipart("/api/v3/files",
                form("form-data; name=\"file\"; filename=\"x.txt\"", twice));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        // the referee still says such a form breaks the contract (one value per field)
        assertThat(EMULATOR.takeContractViolations())
                .anyMatch(violation -> violation.contains("body.title"))
                .anyMatch(violation -> violation.contains("body.filename"));
        assertThat(reply.json().get("title").asText()).isEqualTo("second");
        assertThat(reply.json().get("filename").asText()).isEqualTo("two.txt");
    }

    @Test
    void aNameThatSanitizesToNothingIsNoFile() {
        ApiTestClient.Reply reply = api.postMultipart("/api/v3/files",
                form("form-data; name=\"file\"; filename=\"..\"", utf8Form()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("No file was submitted");
    }

    @Test
    void aLongNameIsCutTo255CharactersKeepingItsExtension() {
        String base = "😀".repeat(300);
        JsonNode stored = upload("form-data; name=\"file\"; filename=\"" + base + ".pdf\"");

        String filename = stored.get("filename").asText();
        assertThat(filename.codePointCount(0, filename.length())).isEqualTo(255);
        assertThat(filename).isEqualTo("😀".repeat(251) + ".pdf");
        assertThat(stored.get("title").asText()).isEqualTo("😀".repeat(251));
    }

    @Test
    void leadingDotsBelongToTheTitle() {
        JsonNode hidden = upload("form-data; name=\"file\"; filename=\".env\"");
        assertThat(hidden.get("title").asText()).isEqualTo(".env");
        assertThat(hidden.get("extension").asText()).isEmpty();

        JsonNode dotted = upload("form-data; name=\"file\"; filename=\"..notes.md\"");
        assertThat(dotted.get("title").asText()).isEqualTo("..notes");
        assertThat(dotted.get("extension").asText()).isEqualTo("md");
    }

    @Test
    void theRequestCharsetDecodesNamesAndFieldsWhateverThePartsSay() {
        MultipartEntityBuilder latin1 = MultipartEntityBuilder.create()
                .setContentType(ContentType.MULTIPART_FORM_DATA)   // multipart/form-data; charset=ISO-8859-1
                .addTextBody("title", "Été", TEXT);
        ApiTestClient.Reply reply = api.postMultipart("/api/v3/files",
                form("form-data; name=\"file\"; filename=\"é.txt\"", latin1));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("filename").asText()).isEqualTo("Ã©.txt");
        assertThat(reply.json().get("title").asText()).isEqualTo("Ã\u0089tÃ©");
    }

    private JsonNode upload(String contentDisposition) {
        ApiTestClient.Reply reply = api.postMultipart("/api/v3/files",
                form(contentDisposition, utf8Form()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    /** A form whose Content-Type has no charset: Django decodes it as UTF-8. */
    private static MultipartEntityBuilder utf8Form() {
        return MultipartEntityBuilder.create().setContentType(ContentType.create("multipart/form-data"));
    }

    /** A form whose file part carries exactly the given Content-Disposition, written in UTF-8. */
    private HttpEntity form(String contentDisposition, MultipartEntityBuilder builder) {
        return builder.setMode(HttpMultipartMode.LEGACY).setCharset(StandardCharsets.UTF_8)
                .addTextBody("workspace_id", String.valueOf(EMULATOR.workspaceId()), TEXT)
                .addPart(FormBodyPartBuilder.create("file", new ByteArrayBody(CONTENT, ContentType.TEXT_PLAIN, "x"))
                        .addField("Content-Disposition", contentDisposition)
                        .build())
                .build();
    }

    private JsonNode uploadExtended(String filename) {
        HttpEntity entity = MultipartEntityBuilder.create().setMode(HttpMultipartMode.EXTENDED)
                .addTextBody("workspace_id", String.valueOf(EMULATOR.workspaceId()), TEXT)
                .addBinaryBody("file", CONTENT, ContentType.APPLICATION_OCTET_STREAM, filename)
                .build();
        ApiTestClient.Reply reply = api.postMultipart("/api/v3/files", entity);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }
}
