package io.camelparadigm.emulator.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import io.camelparadigm.emulator.ObservedExchange;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.BufferUtil;
import org.openapi4j.core.exception.ResolutionException;
import org.openapi4j.core.model.OAIContext;
import org.openapi4j.core.validation.ValidationException;
import org.openapi4j.operation.validator.model.Request;
import org.openapi4j.operation.validator.model.impl.Body;
import org.openapi4j.operation.validator.model.impl.DefaultRequest;
import org.openapi4j.operation.validator.validation.RequestValidator;
import org.openapi4j.parser.OpenApi3Parser;
import org.openapi4j.parser.model.v3.MediaType;
import org.openapi4j.parser.model.v3.OpenApi3;
import org.openapi4j.parser.model.v3.Operation;
import org.openapi4j.parser.model.v3.Path;

/**
 * openapi4j over the contract, for the request bodies Atlassian's validator does not read:
 * multipart/form-data and application/x-www-form-urlencoded.
 */
final class FormContractValidator {

    private static final String BOUNDARY = "contract-referee";

    private final OpenApi3 contract = parse();
    private final RequestValidator validator = new RequestValidator(contract);
    /** Multipart fields the contract types as an object or an array (external_metadata, tags). */
    private final Set<String> jsonFields = jsonFields(contract);

    private static Set<String> jsonFields(OpenApi3 contract) {
        OAIContext context = contract.getContext();
        Set<String> fields = new HashSet<>();
        for (Path path : contract.getPaths().values()) {
            for (Operation operation : path.getOperations().values()) {
                MediaType form = operation.getRequestBody() == null ? null
                        : operation.getRequestBody().getContentMediaType("multipart/form-data");
                if (form == null) {
                    continue;
                }
                form.getSchema().getFlatSchema(context).getProperties().forEach((name, property) -> {
                    String type = property.getFlatSchema(context).getSupposedType(context);
                    if ("object".equals(type) || "array".equals(type)) {
                        fields.add(name);
                    }
                });
            }
        }
        return Set.copyOf(fields);
    }

    private static OpenApi3 parse() {
        try {
            // true: openapi4j also checks the contract file itself against the OpenAPI 3 schema.
            return new OpenApi3Parser().parse(ContractFile.url(), true);
        } catch (ResolutionException | ValidationException e) {
            throw new IllegalStateException("The contract file is not valid OpenAPI 3: " + e, e);
        }
    }

    /** A multipart body is first put in the form openapi4j 1.0.7 reads correctly (see {@link #readable}). */
    List<String> requestViolations(ObservedExchange exchange) {
        String contentType = exchange.requestHeader("Content-Type");
        byte[] body = exchange.requestBody();
        if (contentType != null && MimeTypes.getBaseType(contentType) == MimeTypes.Type.MULTIPART_FORM_DATA) {
            try {
                body = readable(contentType, body);
                contentType = "multipart/form-data; boundary=" + BOUNDARY;
            } catch (RuntimeException e) {
                return List.of("the multipart body cannot be read: " + e.getMessage());
            }
        }
        return requestViolations(exchange.method(), "http://emulator" + exchange.path()
                + (exchange.query() == null ? "" : "?" + exchange.query()), contentType, body,
                exchange.requestHeader("Authorization"));
    }

    /** A request built in a test rather than sent, to prove the validator rejects what it must. */
    List<String> requestViolations(String method, String url, String contentType, byte[] body, String authorization) {
        DefaultRequest.Builder request = new DefaultRequest.Builder(url, Request.Method.getMethod(method))
                .body(Body.from(new ByteArrayInputStream(body)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            validator.validate(request.build());
            return List.of();
        } catch (ValidationException e) {
            return e.results() == null ? List.of(e.getMessage())
                    : e.results().items().stream().map(Object::toString).toList();
        }
    }

    /**
     * The same form rewritten for openapi4j 1.0.7, which compares part types literally: a text part typed
     * {@code text/plain; charset=UTF-8} (as HttpClient writes it) would be read as a string and "42" would fail as an
     * integer, and a JSON part with a charset would not be read as JSON. Each text part is decoded with its own
     * charset and written in UTF-8 with its bare type. A text part of a field the contract types as an object or an
     * array that holds JSON of that shape is typed {@code application/json}: the service reads
     * {@code external_metadata} and {@code tags=[1,2]} sent as plain form fields (as curl and browsers send them)
     * as JSON. File parts keep their name, not their bytes (the contract says nothing of them, and a large upload
     * need not be copied).
     */
    private byte[] readable(String contentType, byte[] body) {
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(MultiPart.extractBoundary(contentType));
        parser.setMaxParts(100_000);
        parser.setMaxMemoryFileSize(-1);  // the body is in memory already: no part goes to disk
        MultiPartFormData.ContentSource rewritten = new MultiPartFormData.ContentSource(BOUNDARY);
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body))).get()) {
            for (MultiPart.Part part : parts) {
                HttpFields.Mutable headers = HttpFields.build();
                if (part.getFileName() != null) {
                    headers.put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
                    rewritten.addPart(new MultiPart.ByteBufferPart(part.getName(), "file", headers,
                            BufferUtil.EMPTY_BUFFER));
                    continue;
                }
                String type = part.getHeaders().get(HttpHeader.CONTENT_TYPE);
                String charset = type == null ? null : MimeTypes.getCharsetFromContentType(type);
                String text = part.getContentAsString(charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
                String trimmed = text.trim();
                boolean json = jsonFields.contains(part.getName())
                        && (trimmed.startsWith("{") && trimmed.endsWith("}") || trimmed.startsWith("[") && trimmed.endsWith("]"));
                if (json) {
                    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
                } else if (type != null) {
                    headers.put(HttpHeader.CONTENT_TYPE, MimeTypes.getContentTypeWithoutCharset(type).trim());
                }
                rewritten.addPart(new MultiPart.ByteBufferPart(part.getName(), null, headers,
                        StandardCharsets.UTF_8.encode(text)));
            }
        } catch (ExecutionException e) {
            throw new IllegalArgumentException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        rewritten.close();
        try {
            return BufferUtil.toArray(Content.Source.asByteBuffer(rewritten));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
