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
 * @param componentRoutes routes the component's uploads are shared among (one API key): 1, or 2 to see them share it
 */
public record BenchSettings(String scenario, int files, long fileSize, int concurrency, ServerConditions server,
                            List<String> uploaders, int warmupFiles, String endpointOptions, int plainMaxRetries,
                            Path workDir, int componentRoutes) {

    public BenchSettings {
        if (files < 1 || concurrency < 1) {
            throw new IllegalArgumentException("files and concurrency must be at least 1");
        }
        if (componentRoutes < 1 || componentRoutes > 2 || componentRoutes > concurrency) {
            throw new IllegalArgumentException("component routes must be 1 or 2 (and at most the concurrency), was "
                                               + componentRoutes);
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
                endpointOptions, plainMaxRetries, workDir, componentRoutes);
    }
}
