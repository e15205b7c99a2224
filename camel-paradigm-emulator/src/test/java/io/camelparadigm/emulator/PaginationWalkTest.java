package io.camelparadigm.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PaginationWalkTest {

    private static ParadigmEmulator emulator;
    private static ApiTestClient api;
    private static Set<Long> allIds;

    @BeforeAll
    static void thousandFiles() {
        emulator = ParadigmEmulator.builder().build().start();
        api = ApiTestClient.of(emulator);
        allIds = new HashSet<>(emulator.seedFiles(emulator.workspaceId(), 950, "seeded-"));
        for (int i = 0; i < 50; i++) {
            String name = "uploaded-" + (i % 5) + ".txt";  // repeated names: ordering by filename needs the id tie-break
            allIds.add(api.upload(name, ("file " + i).getBytes(StandardCharsets.UTF_8)).workspace(emulator.workspaceId())
                    .send().json().get("id").asLong());
        }
        assertThat(allIds).hasSize(1000);
    }

    @AfterAll
    static void stop() {
        api.close();
        emulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-created_at", "created_at", "title", "-title", "filename", "-filename"})
    void walkingEveryNextLinkListsEachFileExactlyOnce(String ordering) {
        List<Long> walked = new ArrayList<>();
        String path = "/api/v3/files?page_size=37&ordering=" + ordering;
        int pages = 0;
        while (path != null) {
            JsonNode page = api.get(path).json();
            assertThat(page.get("count").asInt()).isEqualTo(1000);
            page.get("results").forEach(item -> walked.add(item.get("id").asLong()));
            pages++;
            path = page.get("next").isNull() ? null : page.get("next").asText().substring(emulator.baseUrl().length());
        }
        assertThat(pages).isEqualTo(28);
        assertThat(walked).hasSize(1000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(walked)).isEqualTo(allIds);
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 100})
    void walkingPageNumbersBackwardsListsTheSameFiles(int pageSize) {
        int pageCount = (1000 + pageSize - 1) / pageSize;
        List<Long> backwards = new ArrayList<>();
        for (int page = pageCount; page >= 1; page--) {
            JsonNode body = api.get("/api/v3/files?ordering=filename&page_size=" + pageSize + "&page=" + page).json();
            List<Long> ids = ListFilesTest.ids(body);
            backwards.addAll(0, ids);
        }
        assertThat(backwards).hasSize(1000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(backwards)).isEqualTo(allIds);
    }
}
