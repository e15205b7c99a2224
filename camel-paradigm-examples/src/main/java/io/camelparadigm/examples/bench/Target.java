package io.camelparadigm.examples.bench;

/** Where a run uploads to. */
public record Target(String baseUrl, String apiKey, long workspaceId) {

    @Override
    public String toString() {
        return "Target[" + baseUrl + ", workspace " + workspaceId + "]";
    }
}
