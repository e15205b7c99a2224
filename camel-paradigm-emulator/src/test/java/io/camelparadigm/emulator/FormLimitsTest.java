package io.camelparadigm.emulator;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service reads forms with Django, whose defaults refuse more than 1,000 fields (DATA_UPLOAD_MAX_NUMBER_FIELDS)
 * and more than 100 files (DATA_UPLOAD_MAX_NUMBER_FILES); the emulator applies the same limits, no lower.
 */
class FormLimitsTest {

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().build();

    private static final byte[] TEXT = "numbers".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    final ApiTestClient api = ApiTestClient.onEmptiedEmulator(EMULATOR);

    @Test
    void aFormOfAThousandFieldsIsRead() {
        ApiTestClient.Upload upload = api.upload("a.txt", TEXT).workspace(EMULATOR.workspaceId());
        long tag = EMULATOR.tagIds().get(0);
        for (int i = 0; i < 999; i++) {
            upload.field("tags", tag);
        }

        ApiTestClient.Reply reply = upload.send();

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(EMULATOR.storedFiles().get(0).tagIds()).containsExactly(tag);
    }

    @Test
    void aFormOfMoreThanAThousandFieldsIsRefusedAsDjangoDoes() {
        ApiTestClient.Upload upload = api.upload("a.txt", TEXT).workspace(EMULATOR.workspaceId());
        for (int i = 0; i < 1000; i++) {
            upload.field("tags", EMULATOR.tagIds().get(0));
        }

        ApiTestClient.Reply reply = upload.send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asText()).isEqualTo("too_many_fields");
        assertThat(reply.json().get("detail").asText()).contains("DATA_UPLOAD_MAX_NUMBER_FIELDS");
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void aFormOfMoreThanAHundredFilesIsRefused() {
        ApiTestClient.Upload upload = api.upload("a.txt", TEXT).workspace(EMULATOR.workspaceId());
        for (int i = 0; i < 100; i++) {
            upload.file("attachment", "extra" + i + ".txt", TEXT);
        }

        ApiTestClient.Reply reply = upload.send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asText()).isEqualTo("too_many_files");
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    /** Django counts characters: 255 emoji (510 UTF-16 units) are a title of 255 characters. */
    @Test
    void namesAreCountedInCharacters() {
        String emoji = "\uD83D\uDCC4";

        ApiTestClient.Reply accepted = api.upload("a.txt", TEXT).workspace(EMULATOR.workspaceId())
                .field("title", emoji.repeat(255)).send();
        ApiTestClient.Reply refused = api.upload("a.txt", TEXT).workspace(EMULATOR.workspaceId())
                .field("title", emoji.repeat(256)).send();

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(EMULATOR.takeContractViolations()).singleElement().asString()
                .startsWith("POST /api/v3/files -> 400: body.title");
    }
}
