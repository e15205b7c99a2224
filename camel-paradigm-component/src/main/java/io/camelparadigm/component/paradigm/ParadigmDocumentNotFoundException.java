package io.camelparadigm.component.paradigm;

import java.util.List;

import io.camelparadigm.component.paradigm.client.ParadigmException;

/** An operation named its document by external id (exact match), and no document the key can see has it. */
public class ParadigmDocumentNotFoundException extends ParadigmException {

    private final String externalId;

    public ParadigmDocumentNotFoundException(String operation, String externalId, List<Long> workspaceIds) {
        super(operation, "no document with external_id '" + externalId + "'"
                         + (workspaceIds.isEmpty() ? "" : " in workspace " + String.join(", ",
                                 workspaceIds.stream().map(String::valueOf).toList())));
        this.externalId = externalId;
    }

    public String getExternalId() {
        return externalId;
    }
}
