package io.camelparadigm.examples.sharepoint;

import java.util.Map;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.StateRepository;

/**
 * Where the delta query of a drive stands, kept in a Camel {@link StateRepository} under {@code sharepoint:<drive-id>}:
 * the URL to call next. Saved after each page whose items were all applied, so a restart resumes from the page (or
 * the round) it was at; before anything was saved, a round starts with a full enumeration of the drive.
 */
public final class DeltaLinks {

    private final StateRepository<String, String> repository;
    private final String key;
    private final String firstLink;

    /** @param graphUrl e.g. {@code https://graph.microsoft.com} */
    public DeltaLinks(StateRepository<String, String> repository, String graphUrl, String driveId) {
        this.repository = repository;
        this.key = "sharepoint:" + driveId;
        this.firstLink = graphUrl.replaceAll("/+$", "") + "/v1.0/drives/" + driveId + "/root/delta";
    }

    /** The stored link, else the one that enumerates the whole drive. */
    public String next() {
        String stored = repository.getState(key);
        return stored == null || stored.isBlank() ? firstLink : stored;
    }

    /**
     * Graph answered 410 Gone (the token is too old to resume): its {@code Location} header starts a new enumeration;
     * without one, the next round enumerates from the start.
     */
    public void restart(HttpOperationFailedException gone) {
        String location = gone.getResponseHeaders() == null ? null : gone.getResponseHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Location")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        repository.setState(key, location == null || location.isBlank() ? firstLink : location);
    }

    /** Called once the page's items were all applied. */
    public void pageApplied(DeltaPage page) {
        repository.setState(key, page.followingLink());
    }
}
