package io.camelparadigm.component.paradigm;

import java.util.List;
import java.util.Map;

import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.SeedFile;
import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What one step reports never steers the next: each route chains two steps of the component in one exchange, the
 * way the collisions used to happen, and checks that the second step does what its own URI says.
 */
class HeaderCollisionTest extends EmulatorRouteTestSupport {

    @Test
    void anEventsExternalIdAndWorkspaceDoNotFilterTheSearchThatFollows() throws Exception {
        long archive = EMULATOR.createWorkspace("archive");
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), "a.pdf").title("Contract A").externalId("src-a").build());
        EMULATOR.seedFile(SeedFile.builder(archive, "b.pdf").title("Contract B").externalId("src-b").build());
        EMULATOR.seedFile(SeedFile.builder(archive, "c.pdf").title("Contract C").build());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("paradigm:fileEvents?startFrom=all&terminalOnly=true&startScheduler=false&workspaceId="
                     + workspaceId()).routeId("events")
                        .to("paradigm:search?search=contract")
                        .to("mock:found");
            }
        });

        Message event = pollUntilReceived("events", "mock:found");

        assertThat(event.getHeader(ParadigmConstants.FILE_EXTERNAL_ID)).isEqualTo("src-a");
        assertThat(event.getHeader(ParadigmConstants.FILE_WORKSPACE_ID)).isEqualTo(workspaceId());
        assertThat(filenames(event.getBody(List.class))).containsExactlyInAnyOrder("a.pdf", "b.pdf", "c.pdf");
        assertThat(requests("GET", "/api/v3/files")).filteredOn(r -> r.query().contains("search=contract"))
                .singleElement().satisfies(search -> assertThat(search.query())
                        .doesNotContain("external_id").doesNotContain("workspace_id"));
    }

    @Test
    void anUploadAfterAnEventTakesNeitherTheEventsExternalIdNorItsWorkspace() throws Exception {
        long archive = EMULATOR.createWorkspace("archive");
        EMULATOR.seedFile(SeedFile.builder(archive, "report.pdf").externalId("src-report").build());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("paradigm:fileEvents?startFrom=all&terminalOnly=true&startScheduler=false&workspaceId="
                     + archive).routeId("events")
                        .setBody(simple("Summary of ${body.filename}"))
                        .to("paradigm:upload?onExisting=skip&filename=summary.txt&workspaceId=" + workspaceId())
                        .to("mock:uploaded");
            }
        });

        Message result = pollUntilReceived("events", "mock:uploaded");

        assertThat(result.getHeader(ParadigmConstants.SKIPPED)).isEqualTo(false);
        assertThat(EMULATOR.storedFiles(workspaceId())).singleElement().satisfies(summary -> {
            assertThat(summary.filename()).isEqualTo("summary.txt");
            assertThat(summary.externalId()).isNull();
        });
        assertThat(EMULATOR.storedFiles(archive)).extracting(StoredFile::filename).containsExactly("report.pdf");
    }

    @Test
    void aSecondUploadInTheSameExchangeKeepsItsOwnExternalIdAndIsNotSkipped() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:two")
                        .setBody(constant("the contract"))
                        .to("paradigm:upload?externalId=doc-a&filename=a.txt&onExisting=skip&workspaceId="
                            + workspaceId())
                        .setBody(constant("its annex"))
                        .to("paradigm:upload?externalId=doc-b&filename=b.txt&onExisting=skip&workspaceId="
                            + workspaceId())
                        .setProperty("second", body())
                        .setBody(constant("a note without a source"))
                        .to("paradigm:upload?filename=c.txt&onExisting=skip&workspaceId=" + workspaceId());
            }
        });

        Exchange done = template.request("direct:two", e -> {
        });

        assertThat(done.getException()).isNull();
        assertThat(done.getProperty("second", ParadigmFile.class).externalId()).isEqualTo("doc-b");
        assertThat(done.getMessage().getHeader(ParadigmConstants.SKIPPED)).isEqualTo(false);
        assertThat(EMULATOR.storedFiles(workspaceId())).extracting(StoredFile::filename, StoredFile::externalId)
                .containsExactlyInAnyOrder(tuple("a.txt", "doc-a"), tuple("b.txt", "doc-b"), tuple("c.txt", null));
    }

    @Test
    void anUploadsDocTypeAndWorkspaceDoNotFilterTheListingThatFollows() throws Exception {
        long archive = EMULATOR.createWorkspace("archive");
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), "contract.pdf")
                .externalMetadata(Map.of("external_id", "c-1", "doc_type", "contract")).build());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:uploadThenList")
                        .setHeader(ParadigmConstants.WORKSPACE_ID, constant(archive))
                        .setHeader(ParadigmConstants.EXTERNAL_ID, constant("i-1"))
                        .setHeader(ParadigmConstants.DOC_TYPE, constant("invoice"))
                        .to("paradigm:upload?filename=invoice.txt")
                        .to("paradigm:listFiles");
            }
        });

        List<?> listed = template.requestBody("direct:uploadThenList", "invoice 42", List.class);

        assertThat(filenames(listed)).containsExactlyInAnyOrder("contract.pdf", "invoice.txt");
        assertThat(EMULATOR.storedFiles(archive)).singleElement()
                .satisfies(invoice -> assertThat(invoice.externalId()).isEqualTo("i-1"));
        assertThat(requests("GET", "/api/v3/files")).last().satisfies(listing -> assertThat(listing.query())
                .doesNotContain("doc_type").doesNotContain("workspace_id").doesNotContain("external_id"));
    }

    private static List<String> filenames(List<?> files) {
        return files.stream().map(f -> ((ParadigmFile) f).filename()).toList();
    }
}
