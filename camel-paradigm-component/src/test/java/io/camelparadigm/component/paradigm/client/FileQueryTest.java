package io.camelparadigm.component.paradigm.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileQueryTest {

    @Test
    void filtersAreSentUnderTheirApiNamesWithListsCommaSeparated() {
        FileQuery query = FileQuery.builder()
                .status(List.of("embedded", "fail"))
                .statusVision(List.of("parsed"))
                .workspaceIds(List.of(4L, 2L))
                .tagIds(List.of(7L, 9L))
                .extension("pdf")
                .filename("report")
                .title("Q3")
                .createdAtAfter("2026-01-01")
                .createdAtBefore("2026-02-01T00:00:00Z")
                .updatedAtAfter("2026-03-01")
                .updatedAtBefore("2026-04-01")
                .externalId("SRV-1")
                .docType("incident")
                .uploadSessionUuid("0b5f")
                .totalPagesMin(2)
                .totalPagesMax(10)
                .ordering("-created_at")
                .pageSize(50)
                .page(3)
                .maxDocuments(1000)
                .search("invoice")
                .build();

        assertThat(query.parameters()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("status", "embedded,fail"),
                Map.entry("status_vision", "parsed"),
                Map.entry("workspace_id", "4,2"),
                Map.entry("tag_id", "7,9"),
                Map.entry("extension", "pdf"),
                Map.entry("filename", "report"),
                Map.entry("title", "Q3"),
                Map.entry("created_at_after", "2026-01-01"),
                Map.entry("created_at_before", "2026-02-01T00:00:00Z"),
                Map.entry("updated_at_after", "2026-03-01"),
                Map.entry("updated_at_before", "2026-04-01"),
                Map.entry("external_metadata__external_id", "SRV-1"),
                Map.entry("external_metadata__doc_type", "incident"),
                Map.entry("upload_session_uuid", "0b5f"),
                Map.entry("total_pages_min", "2"),
                Map.entry("total_pages_max", "10"),
                Map.entry("ordering", "-created_at"),
                Map.entry("page_size", "50"),
                Map.entry("page", "3"),
                Map.entry("max_documents", "1000"),
                Map.entry("search", "invoice")));
    }

    @Test
    void unsetBlankAndEmptyFiltersAreNotSent() {
        FileQuery query = FileQuery.builder()
                .status(List.of())
                .tagIds(null)
                .extension(" ")
                .title(null)
                .pageSize(null)
                .build();

        assertThat(query.parameters()).isEmpty();
    }

    @Test
    void aLaterBlankValueRemovesAFilterSetEarlier() {
        FileQuery query = FileQuery.builder().extension("pdf").status(List.of("fail")).build()
                .toBuilder().extension(null).status(List.of()).search("x").build();

        assertThat(query.parameters()).containsExactly(Map.entry("search", "x"));
    }

    @Test
    void toBuilderLeavesTheOriginalQueryUnchanged() {
        FileQuery original = FileQuery.builder().extension("pdf").build();

        FileQuery derived = original.toBuilder().page(2).set("include_details", "true").build();

        assertThat(original.parameters()).containsExactly(Map.entry("extension", "pdf"));
        assertThat(derived.parameters()).containsOnly(Map.entry("extension", "pdf"), Map.entry("page", "2"),
                Map.entry("include_details", "true"));
    }
}
