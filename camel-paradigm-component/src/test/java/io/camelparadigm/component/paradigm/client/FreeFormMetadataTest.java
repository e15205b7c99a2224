package io.camelparadigm.component.paradigm.client;

import java.util.List;
import java.util.Map;

import io.camelparadigm.component.paradigm.model.ExternalMetadata;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** additional_metadata is free-form in the API: whatever it holds, the document stays readable. */
class FreeFormMetadataTest {

    @Test
    void anAdditionalMetadataThatIsNotAnObjectIsKeptUnderValue() throws Exception {
        assertThat(additional("\"scanned by the mail room\"")).isEqualTo(Map.of(ExternalMetadata.VALUE,
                "scanned by the mail room"));
        assertThat(additional("[\"a\", 2]")).isEqualTo(Map.of(ExternalMetadata.VALUE, List.of("a", 2)));
        assertThat(additional("42")).isEqualTo(Map.of(ExternalMetadata.VALUE, 42));
        assertThat(additional("true")).isEqualTo(Map.of(ExternalMetadata.VALUE, true));
        assertThat(additional("{\"external_url\": \"https://x\"}")).isEqualTo(Map.of("external_url", "https://x"));
        assertThat(additional("null")).isNull();
    }

    @Test
    void whatAnUploadSendsIsUnchanged() throws Exception {
        ExternalMetadata metadata = new ExternalMetadata("E-1", "incident", Map.of("external_url", "https://x"));

        assertThat(ParadigmJson.mapper().writeValueAsString(metadata))
                .isEqualTo("{\"external_id\":\"E-1\",\"doc_type\":\"incident\","
                           + "\"additional_metadata\":{\"external_url\":\"https://x\"}}");
    }

    private static Map<String, Object> additional(String json) throws Exception {
        ParadigmFile file = ParadigmJson.mapper().readValue("{\"id\": 5, \"status\": \"embedded\", "
                + "\"external_metadata\": {\"external_id\": \"E-1\", \"additional_metadata\": " + json + "}}",
                ParadigmFile.class);
        assertThat(file.id()).isEqualTo(5);
        assertThat(file.externalId()).isEqualTo("E-1");
        return file.externalMetadata().additionalMetadata();
    }
}
