package io.camelparadigm.examples.uploader;

import java.util.List;

/**
 * What a folder scan found.
 *
 * @param toUpload files that pass the name filter and the upload checks, sorted by relative path
 * @param skipped  files that pass the name filter but cannot be uploaded (unsupported, too large, empty...)
 * @param excluded how many files the include/exclude lists left out
 */
public record ScanResult(List<ScannedFile> toUpload, List<SkippedFile> skipped, int excluded) {

    public ScanResult {
        toUpload = List.copyOf(toUpload);
        skipped = List.copyOf(skipped);
    }

    /** Every file the name filter selected, uploadable or not. */
    public int selected() {
        return toUpload.size() + skipped.size();
    }
}
