package io.camelparadigm.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one benchmark: generates the files, warms each uploader up, then lets each upload every file to a fresh
 * emulator under the run's conditions, and counts what the emulator stored.
 */
public final class Benchmark {

    private static final long WARMUP_FILE_SIZE = 16 * 1024;

    private Benchmark() {
    }

    public static BenchReport run(BenchSettings settings) throws Exception {
        Path dir = settings.workDir() != null ? settings.workDir() : Files.createTempDirectory("paradigm-bench-");
        try {
            List<Path> files = SampleFiles.generate(dir.resolve("files"), settings.files(), settings.fileSize(),
                    settings.server().seed());
            List<Path> warmup = settings.warmupFiles() == 0 ? List.of()
                    : SampleFiles.generate(dir.resolve("warmup"), settings.warmupFiles(), WARMUP_FILE_SIZE, 1);
            Map<String, RunFigures> figures = new HashMap<>();
            for (String name : settings.uploaders()) {
                Uploader uploader = uploader(name, settings);
                if (!warmup.isEmpty()) {
                    try (BenchEmulator quiet = BenchEmulator.start(ServerConditions.none(), WARMUP_FILE_SIZE)) {
                        uploader.upload(warmup, quiet.target());
                    }
                }
                figures.put(name, measure(uploader, files, settings));
            }
            return BenchReport.of(settings, figures.get("component"), figures.get("plain"));
        } finally {
            if (settings.workDir() == null) {
                delete(dir);
            }
        }
    }

    private static Uploader uploader(String name, BenchSettings settings) {
        return name.equals("component")
                ? new CamelRouteUploader(settings.concurrency(), settings.endpointOptions(), settings.componentRoutes())
                : new PlainHttpClientUploader(settings.concurrency(), settings.plainMaxRetries());
    }

    private static RunFigures measure(Uploader uploader, List<Path> files, BenchSettings settings) throws Exception {
        try (BenchEmulator emulator = BenchEmulator.start(settings.server(), settings.fileSize())) {
            System.gc();
            PeakHeap.reset();
            long started = System.nanoTime();
            UploadTally tally = uploader.upload(files, emulator.target());
            long elapsed = System.nanoTime() - started;
            long peakHeap = PeakHeap.bytes();
            return RunFigures.of(uploader.name(), files.size(), settings.fileSize(), elapsed, tally, emulator.uploadRequests(),
                    emulator.externalIdLookups(), emulator.stored(), peakHeap);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
