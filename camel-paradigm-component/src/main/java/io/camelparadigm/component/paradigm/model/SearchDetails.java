package io.camelparadigm.component.paradigm.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Why a document matched a search: its most relevant chunks, best first (listFiles with searchDetails=true). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchDetails(List<Chunk> relevantChunks) {

    public SearchDetails {
        relevantChunks = relevantChunks == null ? List.of() : List.copyOf(relevantChunks);
    }

    /** One chunk of the document's text with its scores; lexical score and distance may be absent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Chunk(String text, String chunkType, Double finalScore, Double lexicalScore, Double distance,
                        Map<String, Object> metadata) {
    }
}
