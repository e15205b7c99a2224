package io.camelparadigm.component.paradigm;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.component.paradigm.model.SearchDetails;
import io.camelparadigm.emulator.SeedFile;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The list endpoint's optional parts: detail fields, search details, the group filter, and the fields read back. */
class ListingDetailsTest extends EmulatorRouteTestSupport {

    @Test
    void includeDetailsAddsSignatureAndParserToListedFiles() {
        template.requestBodyAndHeader("paradigm:upload?parser=v2.2.1&workspaceId=" + workspaceId(), "some words",
                ParadigmConstants.FILENAME, "d.txt");
        String list = "paradigm:listFiles?workspaceId=" + workspaceId();

        ParadigmFile plain = filesOf(template.request(list, e -> {
        })).get(0);
        ParadigmFile detailed = filesOf(template.request(list + "&includeDetails=true", e -> {
        })).get(0);

        assertThat(plain.signature()).isNull();
        assertThat(detailed.signature()).isNotBlank();
        assertThat(detailed.parser()).isEqualTo("v2.2.1");
        assertThat(lastListingQuery()).contains("include_details=true");
    }

    @Test
    void listedFilesCarrySizeUploaderAndSummaries() {
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), "s.txt").status("embedded").size(1234).build());

        ParadigmFile file = filesOf(template.request("paradigm:listFiles?workspaceId=" + workspaceId(), e -> {
        })).get(0);

        assertThat(file.size()).isEqualTo(1234L);
        assertThat(file.createdBy()).isNotNull();
        assertThat(file.createdBy().username()).isNotBlank();
        assertThat(file.summaries()).isNotEmpty();
        assertThat(file.summaries().get(0).summary()).isNotBlank();
    }

    @Test
    void searchDetailsBringTheRelevantChunksUpToTheLimit() {
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), "h.txt").status("embedded")
                .content("The holiday policy gives every member of staff 25 days.").build());
        String search = "paradigm:search?searchDetails=true&workspaceId=" + workspaceId();

        ParadigmFile withTwo = searchFor("holiday staff", search).get(0);
        ParadigmFile withOne = searchFor("holiday staff", search + "&searchDetailsChunksLimit=1").get(0);
        ParadigmFile without = searchFor("holiday", "paradigm:search?workspaceId=" + workspaceId()).get(0);

        assertThat(withTwo.searchDetails().relevantChunks()).hasSize(2);
        SearchDetails.Chunk best = withTwo.searchDetails().relevantChunks().get(0);
        assertThat(best.text()).containsIgnoringCase("holiday");
        assertThat(best.chunkType()).isEqualTo("text");
        assertThat(best.finalScore()).isPositive();
        assertThat(best.metadata()).containsEntry("title", withTwo.title());
        assertThat(withOne.searchDetails().relevantChunks()).hasSize(1);
        assertThat(lastListingQuery()).doesNotContain("search_details");
        assertThat(without.searchDetails()).isNull();
    }

    @Test
    void searchDetailsOptionsAreNotSentWithAPlainListing() {
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), "p.txt").build());

        template.request("paradigm:listFiles?searchDetails=true&searchDetailsChunksLimit=2&workspaceId="
                         + workspaceId(), e -> {
                         });

        assertThat(lastListingQuery()).doesNotContain("search_details");
    }

    @Test
    void groupFilterComesFromTheOptionAndTheHeaderOverridesIt() {
        String list = "paradigm:listFiles?groupId=3,4&workspaceId=" + workspaceId();

        template.request(list, e -> {
        });
        String fromOption = lastListingQuery();
        template.request(list, e -> e.getMessage().setHeader(ParadigmConstants.FILTER_GROUP_ID, List.of(7L)));
        String fromHeader = lastListingQuery();

        assertThat(fromOption).contains("group_id=3,4");
        assertThat(fromHeader).contains("group_id=7").doesNotContain("group_id=3");
    }

    @Test
    void aGroupIdThatIsNotANumberIsRefusedBeforeSending() {
        EMULATOR.clearRequests();

        ParadigmValidationException refused = failureOf(ParadigmValidationException.class,
                () -> template.requestBodyAndHeader("paradigm:listFiles?workspaceId=" + workspaceId(), null,
                        ParadigmConstants.FILTER_GROUP_ID, "3,sales"));

        assertThat(refused).hasMessage("listFiles: header CamelParadigmFilterGroupId '3,sales' holds 'sales', which is "
                                       + "not an id: ids are positive whole numbers");
        assertThat(requests("GET", "/api/v3/files")).isEmpty();
        assertThatThrownBy(() -> context.getEndpoint("paradigm:listFiles?groupId=sales"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("groupId 'sales' is not an id");
    }

    private List<ParadigmFile> searchFor(String text, String uri) {
        return filesOf(template.request(uri, e -> e.getMessage().setHeader(ParadigmConstants.SEARCH, text)));
    }

    private static String lastListingQuery() {
        List<io.camelparadigm.emulator.RecordedRequest> listings = requests("GET", "/api/v3/files");
        return URLDecoder.decode(String.valueOf(listings.get(listings.size() - 1).query()), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<ParadigmFile> filesOf(Exchange answer) {
        if (answer.getException() != null) {
            throw new AssertionError(answer.getException());
        }
        return answer.getMessage().getBody(List.class);
    }
}
