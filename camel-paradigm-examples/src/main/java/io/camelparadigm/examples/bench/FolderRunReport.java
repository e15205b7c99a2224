package io.camelparadigm.examples.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One end-to-end run of a folder uploader process against a fresh standalone emulator, as printed.
 *
 * @param uploader          {@code java} (the folder uploader's jar) or {@code python} (the requests baseline)
 * @param run               which repetition
 * @param filesPerSecond    files / wall seconds: the whole process, start-up and the wait for processing included
 * @param wallSeconds       launch to exit
 * @param startupSeconds    launch to the first document stored (server clock, same machine)
 * @param uploadSeconds     first to last document stored (server side)
 * @param serverFilesPerSecond documents stored per second between the first and the last
 * @param cpuSeconds        CPU time of the process (user + system)
 * @param peakRssMb         the process's peak resident memory
 * @param peakHeapMb        the largest heap occupancy a GC saw (java only)
 * @param jvmOptions        the folder uploader's JVM options besides {@code -Xmx} (java only)
 * @param emulatorWarmUpFiles files the emulator was sent and deleted before the run (null: none, a cold emulator)
 * @param stored            documents the emulator holds afterwards (= files: each stored exactly once)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FolderRunReport(String scenario, String uploader, int run, int files, int fileSizeBytes, int concurrency,
                       int exitStatus, double filesPerSecond, double wallSeconds, Double startupSeconds,
                       Double uploadSeconds, Double serverFilesPerSecond, Double cpuSeconds, Long peakRssMb,
                       Long peakHeapMb, String maxHeap, String jvmOptions, Integer emulatorWarmUpFiles, long stored,
                       boolean storedEachOnce) {
}
