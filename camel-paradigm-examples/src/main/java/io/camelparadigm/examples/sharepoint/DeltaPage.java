package io.camelparadigm.examples.sharepoint;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of {@code GET /drives/{drive-id}/root/delta}: items, then either the next page's URL or, on the last page,
 * the URL that returns the changes made after this round.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeltaPage(List<DriveItem> value,
                        @JsonProperty("@odata.nextLink") String nextLink,
                        @JsonProperty("@odata.deltaLink") String deltaLink) {

    public DeltaPage {
        value = value == null ? List.of() : List.copyOf(value);
    }

    /** The URL to call next: the next page of this round, else the start of the next round. */
    public String followingLink() {
        if (nextLink != null && !nextLink.isBlank()) {
            return nextLink;
        }
        if (deltaLink != null && !deltaLink.isBlank()) {
            return deltaLink;
        }
        throw new IllegalStateException("Graph delta page with neither @odata.nextLink nor @odata.deltaLink");
    }

    public boolean isLastOfRound() {
        return nextLink == null || nextLink.isBlank();
    }
}
