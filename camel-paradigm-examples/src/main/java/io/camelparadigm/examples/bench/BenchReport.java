package io.camelparadigm.examples.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON line a run prints.
 *
 * @param order                     the uploaders in the order they ran
 * @param theoreticalFilesPerSecond the best any uploader could do (see {@link TheoreticalLimit}); null if unbounded
 * @param admittedFilesPerSecond    the server's rate limit per second, when it has one
 * @param componentStoredEachOnce   the component uploaded every file exactly once, with no failure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchReport(String scenario, String order, int files, long fileSizeBytes, int concurrency, long latencyMs,
                          int rateLimitPerMinute, int maxConcurrentUploadsPerSession, double tooManyRequests,
                          double badGateway, double drops, int lostAnswers, String endpointOptions,
                          Integer componentRoutes,
                          Double theoreticalFilesPerSecond, Double admittedFilesPerSecond, RunFigures component,
                          RunFigures plain, Double componentToPlain, Double componentToTheoretical,
                          Double plainToTheoretical, long maxHeapMb, Boolean componentStoredEachOnce) {

    static BenchReport of(BenchSettings settings, RunFigures component, RunFigures plain) {
        ServerConditions server = settings.server();
        Double theoretical = TheoreticalLimit.filesPerSecond(settings.files(), settings.concurrency(),
                server.latency(), server.rateLimitPerMinute());
        return new BenchReport(settings.scenario(), String.join(",", settings.uploaders()), settings.files(), settings.fileSize(), settings.concurrency(),
                server.latency().toMillis(), server.rateLimitPerMinute(), server.maxConcurrentUploadsPerSession(),
                server.tooManyRequests(), server.badGateway(), server.drops(), server.lostAnswers(),
                settings.endpointOptions().isBlank() ? null : settings.endpointOptions(),
                settings.componentRoutes() > 1 ? settings.componentRoutes() : null,
                theoretical == null ? null : RunFigures.round(theoretical),
                server.rateLimitPerMinute() > 0 ? RunFigures.round(server.rateLimitPerMinute() / 60.0) : null,
                component, plain,
                component != null && plain != null ? ratio(component.filesPerSecond(), plain.filesPerSecond()) : null,
                component != null && theoretical != null ? ratio(component.filesPerSecond(), theoretical) : null,
                plain != null && theoretical != null ? ratio(plain.filesPerSecond(), theoretical) : null,
                PeakHeap.maxBytes() / (1024 * 1024),
                component == null ? null : component.allStoredOnce(settings.files()));
    }

    private static double ratio(double value, double reference) {
        return Math.round(value / reference * 1000) / 1000.0;
    }
}
