package io.camelparadigm.examples.bench;

import java.util.List;
import java.util.Objects;

import io.camelparadigm.emulator.StoredFile;

/**
 * What the emulator holds after a run, counted so that a lost or a duplicated document shows.
 *
 * @param documents           documents stored
 * @param distinctExternalIds different external ids among them
 * @param distinctContents    different SHA-256 among them (every generated file differs)
 */
public record StoredDocuments(int documents, int distinctExternalIds, int distinctContents) {

    public static StoredDocuments of(List<StoredFile> stored) {
        return new StoredDocuments(stored.size(),
                (int) stored.stream().map(StoredFile::externalId).filter(Objects::nonNull).distinct().count(),
                (int) stored.stream().map(StoredFile::sha256).distinct().count());
    }

    /** Copies of a file stored more than once. */
    public int duplicates() {
        return documents - distinctContents;
    }

    /** True when each of {@code files} was stored exactly once. */
    public boolean exactlyOnce(int files) {
        return documents == files && distinctContents == files;
    }
}
