package io.camelparadigm.examples.bench;

import java.nio.file.Path;
import java.util.List;

/** Uploads every file of a run to the target, each with its file name as external id. */
public interface Uploader {

    /** {@code component} or {@code plain}: the name in the printed JSON. */
    String name();

    /** Returns once every file was uploaded or failed for good. */
    UploadTally upload(List<Path> files, Target target) throws Exception;
}
