package io.camelparadigm.component.paradigm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import io.camelparadigm.emulator.SeedFile;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The naming rule, measured: every operation runs on a message that records which headers the component reads and
 * sets, every consumer delivers an event, and no header is both set and read, except CamelParadigmFileId.
 */
class HeaderDirectionTest extends EmulatorRouteTestSupport {

    private static final String PREFIX = "CamelParadigm";

    @Test
    void noHeaderIsBothSetAndReadExceptTheFileId() throws Exception {
        long fileId = EMULATOR.seedFile(SeedFile.builder(workspaceId(), "seed.pdf").title("budget").build());
        long tag = EMULATOR.tagIds().get(0);
        Map<String, String> uris = new LinkedHashMap<>();
        uris.put("upload", "paradigm:upload?filename=new.txt&onExisting=skip&externalId=new-1&workspaceId=" + workspaceId());
        uris.put("addTags", "paradigm:addTags?fileId=" + fileId + "&tags=" + tag);
        uris.put("listFiles", "paradigm:listFiles?workspaceId=" + workspaceId());
        uris.put("search", "paradigm:search?search=budget");
        uris.put("getFile", "paradigm:getFile?fileId=" + fileId);
        uris.put("listWorkspaces", "paradigm:listWorkspaces");
        long deleted = EMULATOR.seedFile(SeedFile.builder(workspaceId(), "deleted.pdf").build());
        uris.put("updateFile", "paradigm:updateFile?filename=v2.txt&title=v2&fileId=" + fileId);
        uris.put("removeTag", "paradigm:removeTag?fileId=" + fileId + "&tags=" + tag);
        uris.put("deleteFile", "paradigm:deleteFile?fileId=" + deleted);
        uris.put("listTags", "paradigm:listTags");
        uris.put("bulkDelete", "paradigm:bulkDelete");
        assertThat(uris.keySet()).as("every operation has a case here").containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(ParadigmOperations.values()).map(Enum::name).toList());

        Map<String, Set<String>> read = new LinkedHashMap<>();
        Map<String, Set<String>> set = new LinkedHashMap<>();
        for (Map.Entry<String, String> operation : uris.entrySet()) {
            Object body = operation.getKey().equals("bulkDelete")
                    ? EMULATOR.seedFile(SeedFile.builder(workspaceId(), "bulk.pdf").build()) : "some text";
            RecordingMessage message = run(operation.getValue(), body);
            read.put(operation.getKey(), message.read);
            set.put(operation.getKey(), message.set);
        }
        RecordingMessage replaced = run("paradigm:upload?filename=new.txt&onExisting=replace&externalId=new-1&workspaceId="
                                        + workspaceId(), "other text");
        read.put("upload with onExisting=replace", replaced.read);
        set.put("upload with onExisting=replace", replaced.set);
        set.put("fileEvents", headersOfAnEvent("paradigm:fileEvents?startFrom=all"));
        set.put("sessionEvents", headersOfAnEvent("paradigm:sessionEvents?startFrom=all"));

        Set<String> everySet = new TreeSet<>();
        set.values().forEach(everySet::addAll);
        assertThat(everySet).contains(ParadigmConstants.FILE_ID, ParadigmConstants.FILE_EXTERNAL_ID,
                ParadigmConstants.FILE_WORKSPACE_ID, ParadigmConstants.STATUS, ParadigmConstants.SESSION_STATUS);
        read.forEach((operation, headers) -> {
            Set<String> both = new TreeSet<>(headers);
            both.retainAll(everySet);
            both.remove(ParadigmConstants.FILE_ID);
            assertThat(both).as("headers %s reads that the component also sets (set by: %s)", operation, set)
                    .isEmpty();
        });
        assertThat(read.get("upload")).contains(ParadigmConstants.WORKSPACE_ID, ParadigmConstants.EXTERNAL_ID,
                ParadigmConstants.DOC_TYPE);
        assertThat(read.get("listFiles")).contains(ParadigmConstants.FILTER_WORKSPACE_ID,
                ParadigmConstants.FILTER_EXTERNAL_ID, ParadigmConstants.FILTER_DOC_TYPE);
        assertThat(read.get("getFile")).contains(ParadigmConstants.FILE_ID);
        assertThat(read.get("upload with onExisting=replace")).contains(ParadigmConstants.CONTENT_HASH);
        assertThat(set.get("upload with onExisting=replace")).contains(ParadigmConstants.UPLOAD_OUTCOME);
        assertThat(read.get("bulkDelete")).contains(ParadigmConstants.FILE_IDS);
        assertThat(set.get("deleteFile")).contains(ParadigmConstants.DELETED, ParadigmConstants.COUNT);
    }

    /** Sends to the URI a message that records the CamelParadigm* headers the producer reads and sets. */
    private RecordingMessage run(String uri, Object body) {
        RecordingMessage message = new RecordingMessage(context);
        message.setBody(body);
        Exchange done = template.send(uri, exchange -> exchange.setMessage(message));
        assertThat(done.getException()).as(uri).isNull();
        assertThat(done.getMessage()).as("the producer worked on the recording message").isSameAs(message);
        return message;
    }

    /** The CamelParadigm* headers of the first event the consumer delivers for a finished upload session. */
    private Set<String> headersOfAnEvent(String uri) throws Exception {
        String route = uri.substring("paradigm:".length(), uri.indexOf('?'));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&startScheduler=false&workspaceId=" + workspaceId()).routeId(route).to("mock:" + route);
            }
        });
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), route + ".pdf").externalId("src-" + route)
                .uploadSessionUuid(UUID.randomUUID().toString()).build());
        Message event = pollUntilReceived(route, "mock:" + route);
        Set<String> headers = new TreeSet<>();
        event.getHeaders().keySet().stream()
                .filter(name -> name.startsWith(PREFIX)).forEach(headers::add);
        return headers;
    }

    /** A message that remembers the names of the CamelParadigm* headers read from it and set on it. */
    private static final class RecordingMessage extends DefaultMessage {

        final Set<String> read = new TreeSet<>();
        final Set<String> set = new TreeSet<>();

        RecordingMessage(org.apache.camel.CamelContext context) {
            super(context);
        }

        private void reading(String name) {
            if (name.startsWith(PREFIX)) {
                read.add(name);
            }
        }

        @Override
        public Object getHeader(String name) {
            reading(name);
            return super.getHeader(name);
        }

        @Override
        public Object getHeader(String name, Object defaultValue) {
            reading(name);
            return super.getHeader(name, defaultValue);
        }

        @Override
        public Object getHeader(String name, Supplier<Object> defaultValueSupplier) {
            reading(name);
            return super.getHeader(name, defaultValueSupplier);
        }

        @Override
        public <T> T getHeader(String name, Class<T> type) {
            reading(name);
            return super.getHeader(name, type);
        }

        @Override
        public <T> T getHeader(String name, Object defaultValue, Class<T> type) {
            reading(name);
            return super.getHeader(name, defaultValue, type);
        }

        @Override
        public <T> T getHeader(String name, Supplier<Object> defaultValueSupplier, Class<T> type) {
            reading(name);
            return super.getHeader(name, defaultValueSupplier, type);
        }

        @Override
        public void setHeader(String name, Object value) {
            if (name.startsWith(PREFIX)) {
                set.add(name);
            }
            super.setHeader(name, value);
        }
    }
}
