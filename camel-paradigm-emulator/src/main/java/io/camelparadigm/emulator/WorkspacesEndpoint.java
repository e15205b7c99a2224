package io.camelparadigm.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /api/v3/workspaces}: the workspaces the key can see, paginated like the files list. */
final class WorkspacesEndpoint {

    private final EmulatorCore core;

    WorkspacesEndpoint(EmulatorCore core) {
        this.core = core;
    }

    ApiAnswer handle(ApiCall call) throws ApiException {
        ObjectNode page = Pagination.page(core.accounts.visibleWorkspaces(call.caller()), call.query(),
                call.request().getHttpURI(), core.mapper, workspace -> {
                    ObjectNode node = core.mapper.createObjectNode();
                    node.put("id", workspace.id());
                    node.put("name", workspace.name());
                    node.put("workspace_type", workspace.type());
                    return node;
                });
        return ApiAnswer.json(200, page);
    }
}
