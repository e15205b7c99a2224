package io.camelparadigm.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front of the emulator: records the request, applies injected faults, routes, authenticates,
 * rate-limits, then lets an endpoint answer. Blocking by design (uploads are read on the handling thread).
 */
final class ParadigmApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ParadigmApiHandler.class);
    private static final Pattern FILE = Pattern.compile("/api/v3/files/([^/]+)");
    /** How much of an upload rejected from its headers is still read so the client can read the answer. */
    static final long REJECTED_BODY_READ_LIMIT = 64L * 1024 * 1024;
    private static final Pattern FILE_TAGS = Pattern.compile("/api/v3/files/([^/]+)/tags");
    private static final Pattern FILE_TAG = Pattern.compile("/api/v3/files/([^/]+)/tags/([^/]+)");

    private enum Route {
        LIST_FILES, UPLOAD, GET_FILE, ADD_TAGS, LIST_WORKSPACES,
        UPDATE_FILE, DELETE_FILE, BULK_DELETE, REMOVE_TAG, LIST_TAGS, CREATE_TAG
    }

    private record Routed(Route route, String fileId, String tagId) {
        Routed(Route route, String fileId) {
            this(route, fileId, null);
        }
    }

    private final EmulatorCore core;
    private final UploadEndpoint upload;
    private final ListFilesEndpoint listFiles;
    private final FileEndpoints files;
    private final WorkspacesEndpoint workspaces;
    private final FileUpdateEndpoint updates;
    private final FileDeletionEndpoints deletions;
    private final TagsEndpoint tags;

    ParadigmApiHandler(EmulatorCore core) {
        super(InvocationType.BLOCKING);
        this.core = core;
        FileViews views = new FileViews(core);
        this.upload = new UploadEndpoint(core, views);
        this.listFiles = new ListFilesEndpoint(core, views);
        this.files = new FileEndpoints(core, views);
        this.workspaces = new WorkspacesEndpoint(core);
        this.updates = new FileUpdateEndpoint(core, views, upload);
        this.deletions = new FileDeletionEndpoints(core);
        this.tags = new TagsEndpoint(core);
    }

    @Override
    public boolean handle(Request received, Response response, Callback callback) {
        RequestLog.Entry logEntry = core.requestLog.arrived(received, core.clock.now());
        Request request = core.exchangeObservers.isEmpty() ? received : new RecordingRequest(received);
        List<Runnable> whenAnswered = new ArrayList<>();
        try {
            respond(request, response, callback, logEntry, whenAnswered);
        } finally {
            whenAnswered.forEach(Runnable::run);
        }
        return true;
    }

    private void respond(Request request, Response response, Callback callback, RequestLog.Entry logEntry,
                         List<Runnable> whenAnswered) {
        ApiAnswer answer;
        boolean injected = false;
        try {
            core.requestHooks.run(logEntry);
            answer = injectedFault();
            injected = answer != null;
            if (answer == null) {
                answer = answer(request, whenAnswered);
            }
        } catch (ApiException e) {
            answer = new ApiAnswer(e.status(), core.errorBody(e.code(), e.error(), e.detail()), e.headers(),
                    ApiAnswer.Disposition.RESPOND);
        } catch (RuntimeException | Error e) {
            // as Django answers what a view did not catch, an Error too (a class missing from the jar, a stack
            // overflow): Jetty would answer it with an HTML page
            LOG.error("Emulator failed on {} {}", request.getMethod(), request.getHttpURI().getPath(), e);
            answer = ApiAnswer.json(500, core.errorBody("server_error", "server_error", "Internal server error."));
        }
        boolean bodyRead = answer.disposition() != ApiAnswer.Disposition.RESPOND_AND_CLOSE && discardBody(request);
        sleep(core.faults.latency());
        logEntry.answered(answer.status());
        if (answer.disposition() == ApiAnswer.Disposition.DROP) {
            // the emulator drops a connection only when fault injection says so
            observed(request, 0, Map.of(), null, true);
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new EofException("Connection dropped by the emulator's fault injection"));
            return;
        }
        if (answer.disposition() != ApiAnswer.Disposition.RESPOND_AND_CLOSE) {
            // a connection whose request was not read to the end cannot serve another one: say it is closed
            write(request, response, logEntry, answer, injected, !bodyRead, callback);
            return;
        }
        // Answered before the body was read. Closing now would reset the connection under a client still
        // sending, and it would never read the answer: read and discard what it sends first (nginx's lingering
        // close), up to a limit, then close.
        Callback.Completable written = new Callback.Completable();
        write(request, response, logEntry, answer, injected, true, written);
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
            return;
        } catch (ExecutionException e) {
            callback.failed(e.getCause());
            return;
        }
        discardBody(request, REJECTED_BODY_READ_LIMIT);
        callback.succeeded();
    }

    /**
     * The answer fault injection imposes on this request, or null to let the API answer. A maintenance window is
     * answered by the API itself (a 503 the contract describes), before any injected error.
     */
    private ApiAnswer injectedFault() {
        if (core.faults.takeDrop()) {
            return ApiAnswer.drop();
        }
        if (core.faults.inMaintenance()) {
            return null;
        }
        int injected = core.faults.takeInjectedError();
        return injected > 0 ? injectedError(injected) : null;
    }

    private ApiAnswer answer(Request request, List<Runnable> whenAnswered) throws ApiException {
        long maintenanceLeft = core.faults.takeMaintenance();
        if (maintenanceLeft >= 0) {
            return new ApiAnswer(503, core.errorBody("service_maintenance", "service_maintenance",
                    "The service is under maintenance. Retry later."),
                    Map.of("Retry-After", Long.toString(maintenanceLeft)), ApiAnswer.Disposition.RESPOND);
        }
        Routed routed = route(request);
        Accounts.Caller caller = authenticate(request);
        long retryAfter = core.rateLimiter.tryAcquire(caller.principal(), core.faults.rateLimit(),
                core.faults.rateLimitPeriodMicros(), core.nowMicros());
        if (retryAfter > 0) {
            throw ApiException.tooManyRequests("throttled",
                    "Request was throttled. Expected available in " + retryAfter + " seconds.", retryAfter);
        }
        ApiCall call = new ApiCall(request, Request.extractQueryParameters(request, StandardCharsets.UTF_8), caller,
                whenAnswered);
        return switch (routed.route()) {
            case LIST_FILES -> listFiles.handle(call);
            case UPLOAD -> upload.handle(call);
            case GET_FILE -> files.get(call, routed.fileId());
            case ADD_TAGS -> files.addTags(call, routed.fileId());
            case LIST_WORKSPACES -> workspaces.handle(call);
            case UPDATE_FILE -> updates.handle(call, routed.fileId());
            case DELETE_FILE -> deletions.delete(call, routed.fileId());
            case BULK_DELETE -> deletions.bulkDelete(call);
            case REMOVE_TAG -> tags.removeFromFile(call, routed.fileId(), routed.tagId());
            case LIST_TAGS -> tags.list(call);
            case CREATE_TAG -> tags.create(call);
        };
    }

    private ApiAnswer injectedError(int status) {
        String error = switch (status) {
            case 429 -> "too_many_requests";
            case 500 -> "server_error";
            case 502 -> "bad_gateway";
            case 503 -> "service_unavailable";
            case 504 -> "gateway_timeout";
            default -> "error";
        };
        Map<String, String> headers = status == 429 || status == 503
                ? Map.of("Retry-After", Integer.toString(core.faults.retryAfterSeconds())) : Map.of();
        return new ApiAnswer(status, core.errorBody(error, error, "Injected failure (HTTP " + status + ")."),
                headers, ApiAnswer.Disposition.RESPOND);
    }

    private static Routed route(Request request) throws ApiException {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (path.equals("/api/v3/files")) {
            return switch (method) {
                case "GET" -> new Routed(Route.LIST_FILES, null);
                case "POST" -> new Routed(Route.UPLOAD, null);
                default -> throw methodNotAllowed(method, "GET, POST");
            };
        }
        if (path.equals("/api/v3/workspaces")) {
            if (method.equals("GET")) {
                return new Routed(Route.LIST_WORKSPACES, null);
            }
            throw methodNotAllowed(method, "GET");
        }
        if (path.equals("/api/v3/tags")) {
            return switch (method) {
                case "GET" -> new Routed(Route.LIST_TAGS, null);
                case "POST" -> new Routed(Route.CREATE_TAG, null);
                default -> throw methodNotAllowed(method, "GET, POST");
            };
        }
        if (path.equals("/api/v3/files/bulk-delete")) {
            if (method.equals("POST")) {
                return new Routed(Route.BULK_DELETE, null);
            }
            throw methodNotAllowed(method, "POST");
        }
        Matcher tag = FILE_TAG.matcher(path);
        if (tag.matches()) {
            if (method.equals("DELETE")) {
                return new Routed(Route.REMOVE_TAG, tag.group(1), tag.group(2));
            }
            throw methodNotAllowed(method, "DELETE");
        }
        Matcher tags = FILE_TAGS.matcher(path);
        if (tags.matches()) {
            if (method.equals("POST")) {
                return new Routed(Route.ADD_TAGS, tags.group(1));
            }
            throw methodNotAllowed(method, "POST");
        }
        Matcher file = FILE.matcher(path);
        if (file.matches()) {
            return switch (method) {
                case "GET" -> new Routed(Route.GET_FILE, file.group(1));
                case "PATCH" -> new Routed(Route.UPDATE_FILE, file.group(1));
                case "DELETE" -> new Routed(Route.DELETE_FILE, file.group(1));
                default -> throw methodNotAllowed(method, "GET, PATCH, DELETE");
            };
        }
        throw ApiException.notFound("No API endpoint at " + path + ".");
    }

    private static ApiException methodNotAllowed(String method, String allowed) {
        return new ApiException(405, "method_not_allowed", "method_not_allowed",
                "Method \"" + method + "\" not allowed.", Map.of("Allow", allowed));
    }

    private Accounts.Caller authenticate(Request request) throws ApiException {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        Map<String, String> challenge = Map.of("WWW-Authenticate", "Bearer realm=\"api\"");
        if (authorization == null || authorization.isBlank()) {
            throw new ApiException(401, "not_authenticated", "not_authenticated",
                    "Authentication credentials were not provided.", challenge);
        }
        Optional<Accounts.Caller> caller = Optional.empty();
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = core.accounts.authenticate(authorization.substring(7).trim());
        }
        return caller.orElseThrow(() -> new ApiException(401, "authentication_failed", "authentication_failed",
                "Invalid token.", challenge));
    }

    /**
     * Reads what is left of the request body, as a proxy in front of the real service would; false when it could
     * not be read to the end (the multipart parser gave up on it).
     */
    private static boolean discardBody(Request request) {
        try {
            Content.Source.consumeAll(request);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Request body could not be read to the end", e);
            return false;
        }
    }

    /** Reads and drops at most {@code limit} bytes of the request body. */
    private static void discardBody(Request request, long limit) {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try (InputStream body = Content.Source.asInputStream(request)) {
            for (int n = body.read(buffer); n >= 0 && read < limit; n = body.read(buffer)) {
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Rejected request body: the client stopped sending after {} bytes", read, e);
        }
    }

    private static void sleep(Duration latency) {
        if (latency.isZero() || latency.isNegative()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Request request, Response response, RequestLog.Entry logEntry, ApiAnswer answer,
                       boolean injected, boolean closeConnection, Callback callback) {
        byte[] body;
        try {
            body = answer.body() == null ? new byte[0] : core.mapper.writeValueAsBytes(answer.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Emulator answers are plain JSON trees", e);
        }
        if (body.length > 0 && answer.status() >= 200 && answer.status() < 300 && core.faults.takeMalformedJson()) {
            body = java.util.Arrays.copyOf(body, Math.max(1, body.length / 2));
            injected = true;
        }
        response.setStatus(answer.status());
        if (answer.body() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        }
        response.getHeaders().put(HttpHeader.DATE, core.dateHeader(logEntry.receivedAt()));
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (closeConnection) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        observed(request, answer.status(), headers(response.getHeaders()), body, injected);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Tells the exchange observers what was asked and answered, before the answer leaves. */
    private void observed(Request request, int status, Map<String, List<String>> responseHeaders, byte[] body,
                          boolean injected) {
        if (!(request instanceof RecordingRequest recording) || core.exchangeObservers.isEmpty()) {
            return;
        }
        ObservedExchange exchange = new ObservedExchange(request.getMethod(), request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(), RequestLog.maskedHeaders(request), recording.recordedBody(), status,
                responseHeaders, body, injected);
        core.exchangeObservers.forEach(observer -> observer.accept(exchange));
    }

    private static Map<String, List<String>> headers(HttpFields fields) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : fields) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }
}
