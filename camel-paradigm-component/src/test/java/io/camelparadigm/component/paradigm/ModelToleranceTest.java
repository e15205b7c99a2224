package io.camelparadigm.component.paradigm;

import com.fasterxml.jackson.core.type.TypeReference;
import io.camelparadigm.component.paradigm.client.ParadigmJson;
import io.camelparadigm.component.paradigm.model.Page;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service may add fields and status values at any time: reading its answers must not break on them. */
class ModelToleranceTest {

    @Test
    void unknownFieldsAndStatusValuesAreReadWithoutError() throws Exception {
        String json = """
                {"count": 1, "next": null, "previous": null, "brand_new_envelope_field": [1, 2],
                 "results": [{"id": 7, "filename": "a.pdf", "status": "reticulating", "status_vision": "queued_v9",
                              "future_field": {"nested": true}, "tags": null, "workspace": null,
                              "external_metadata": {"external_id": "E-1", "unknown_key": 3},
                              "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:01.5+02:00"}]}
                """;

        Page<ParadigmFile> page = ParadigmJson.mapper().readValue(json, new TypeReference<>() {
        });

        ParadigmFile file = page.results().get(0);
        assertThat(file.id()).isEqualTo(7);
        assertThat(file.status()).isEqualTo("reticulating");
        assertThat(file.statusVision()).isEqualTo("queued_v9");
        assertThat(file.isTerminal()).isFalse();
        assertThat(file.tags()).isEmpty();
        assertThat(file.externalId()).isEqualTo("E-1");
        assertThat(file.updatedAt().getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void missingOptionalObjectsAreNull() throws Exception {
        ParadigmFile file = ParadigmJson.mapper().readValue("{\"id\": 3}", ParadigmFile.class);

        assertThat(file.externalMetadata()).isNull();
        assertThat(file.externalId()).isNull();
        assertThat(file.status()).isNull();
        assertThat(file.isTerminal()).isFalse();
    }
}
