package io.camelparadigm.component.paradigm;

import java.util.List;

import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The list API's workspace_id takes several ids: listFiles and search can filter on several workspaces. */
class SeveralWorkspacesTest extends EmulatorRouteTestSupport {

    private long sales;
    private long legal;

    @BeforeEach
    void threeWorkspaces() {
        sales = EMULATOR.createWorkspace("sales");
        legal = EMULATOR.createWorkspace("legal");
        EMULATOR.seedFiles(workspaceId(), 2, "main");
        EMULATOR.seedFiles(sales, 3, "sales");
        EMULATOR.seedFiles(legal, 4, "legal");
        EMULATOR.clearRequests();
    }

    @Test
    void theWorkspaceIdsOptionListsTheFilesOfEachWorkspaceNamed() {
        List<ParadigmFile> files = list("paradigm:listFiles?workspaceIds=" + sales + "," + legal, null);

        assertThat(files).hasSize(7).extracting(f -> f.workspace().id()).containsOnly(sales, legal);
        assertThat(requests("GET", "/api/v3/files").get(0).query()).contains("workspace_id=" + sales + "%2C" + legal);
    }

    @Test
    void theFilterHeaderTakesAListAndOverridesTheOptions() {
        List<ParadigmFile> files = list("paradigm:listFiles?workspaceId=" + sales, List.of(workspaceId(), legal));

        assertThat(files).hasSize(6).extracting(f -> f.workspace().id()).containsOnly(workspaceId(), legal);
    }

    @Test
    void searchFiltersOnSeveralWorkspacesToo() {
        EMULATOR.completeAll();
        List<ParadigmFile> files = list("paradigm:search?search=document&workspaceIds=" + workspaceId() + "," + sales,
                workspaceId() + "," + sales);

        assertThat(files).extracting(f -> f.workspace().id()).containsOnly(workspaceId(), sales).hasSize(5);
    }

    @SuppressWarnings("unchecked")
    private List<ParadigmFile> list(String uri, Object workspaces) {
        return template.requestBodyAndHeader(uri, null, ParadigmConstants.FILTER_WORKSPACE_ID, workspaces, List.class);
    }
}
