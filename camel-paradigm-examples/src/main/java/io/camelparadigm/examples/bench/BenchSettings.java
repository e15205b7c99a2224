package io.camelparadigm.examples.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One benchmark run.
 *
 * @param uploaders       which uploaders run, in order: {@code component}, {@code plain}
 * @param warmupFiles     small files each uploader sends first to a separate, faultless emulator (JIT warm-up)
 * @param endpointOptions extra {@code paradigm:upload} options for the component, e.g. {@code maxRetries=10}
 * @param workDir         where the files are generated; null for a temporary folder deleted afterwards
 */
public record BenchSettings(String scenario, int files, long fileSize, int concurrency, ServerConditions server,
                            List<String> uploaders, int warmupFiles, String endpointOptions, int plainMaxRetries,
                            Path workDir) {

    public BenchSettings {
        if (files < 1 || concurrency < 1) {
            throw new IllegalArgumentException("files and concurrency must be at least 1");
        }
        uploaders = List.copyOf(uploaders);
        for (String uploader : uploaders) {
            if (!uploader.equals("component") && !uploader.equals("plain")) {
                throw new IllegalArgumentException("unknown uploader '" + uploader + "': use component and/or plain");
            }
        }
    }

    /** The same run with the uploaders in the opposite order. */
    public BenchSettings withUploadersSwapped() {
        List<String> reversed = new ArrayList<>(uploaders);
        Collections.reverse(reversed);
        return new BenchSettings(scenario, files, fileSize, concurrency, server, reversed, warmupFiles,
                endpointOptions, plainMaxRetries, workDir);
    }
}
