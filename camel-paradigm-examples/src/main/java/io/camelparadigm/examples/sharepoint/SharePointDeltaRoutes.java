package io.camelparadigm.examples.sharepoint;

import java.io.File;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.examples.http.HostAuthorization;
import io.camelparadigm.examples.http.RetryAfterRedelivery;
import io.camelparadigm.examples.state.StateRepositories;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.spi.StateRepository;

/**
 * A SharePoint document library kept in sync in Paradigm through Microsoft Graph's delta query, in Java DSL:
 * <ol>
 * <li>{@code sharepoint-delta}: every {@code sharepoint.poll-period} ms, calls the stored link (at first
 * {@code GET /v1.0/drives/{drive-id}/root/delta}, which enumerates the whole library) and follows
 * {@code @odata.nextLink} pages to the {@code @odata.deltaLink}; the link to call next is saved in a Camel
 * {@link StateRepository} after each page whose items were all applied, so a restart resumes where it stopped;</li>
 * <li>{@code sharepoint-item}: an item with the {@code deleted} facet is deleted from Paradigm
 * ({@code paradigm:deleteFile} by its external id); a file is downloaded, streamed, from {@code /content} (which
 * redirects to a pre-authenticated URL: through {@code /content} that URL, a credential, never shows in a message or
 * an error) and uploaded with {@code onExisting=replace}: new files are created, changed ones replaced in place; a
 * file whose quickXorHash Paradigm already has is not even downloaded, only its title and metadata updated when a
 * rename or move changed them; folders are skipped.</li>
 * </ol>
 * Graph is called with camel-http and an app-only token ({@link GraphAccessTokens}, added to Graph's requests by
 * {@link HostAuthorization}); 401 gets a new token, 429 and 503 are retried after their {@code Retry-After}
 * ({@link RetryAfterRedelivery}).
 * <p>
 * Properties: {@code sharepoint.tenant-id}, {@code sharepoint.client-id}, {@code sharepoint.client-secret},
 * {@code sharepoint.drive-id}, {@code sharepoint.state-file} (default {@code sharepoint-delta.state}; or bind a
 * {@code StateRepository<String, String>} named {@code sharePointDeltaState}), {@code sharepoint.poll-period},
 * {@code sharepoint.max-retries}, {@code sharepoint.retry-delay}, {@code sharepoint.token-refresh-margin},
 * {@code sharepoint.graph-url}, {@code sharepoint.token-url}, {@code paradigm.workspace-id}.
 */
public class SharePointDeltaRoutes extends RouteBuilder {

    public static final String STATE_REPOSITORY_BEAN = "sharePointDeltaState";
    static final String CLIENT_CONFIGURER_BEAN = "sharePointGraphClient";
    private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    private static final String NEXT_LINK = "SharePointNextLink";
    private static final String PAGE = "SharePointDeltaPage";
    private static final String ITEM = "SharePointItem";
    /** The document unchanged in Paradigm (null when it is new, or was just created or replaced). */
    private static final String STORED = "SharePointStoredDocument";

    @Override
    public void configure() {
        String graphUrl = resolved("{{sharepoint.graph-url:https://graph.microsoft.com}}").replaceAll("/+$", "");
        String driveId = resolved("{{sharepoint.drive-id}}");
        String tokenUrl = resolved("{{sharepoint.token-url:}}");
        if (tokenUrl.isBlank()) {
            tokenUrl = "https://login.microsoftonline.com/" + resolved("{{sharepoint.tenant-id}}") + "/oauth2/v2.0/token";
        }
        GraphAccessTokens tokens = new GraphAccessTokens(getContext().createProducerTemplate(), tokenUrl,
                resolved("{{sharepoint.client-id}}"), resolved("{{sharepoint.client-secret}}"), GRAPH_SCOPE,
                Duration.ofSeconds(Long.parseLong(resolved("{{sharepoint.token-refresh-margin:300}}"))),
                Clock.systemUTC());
        getContext().getRegistry().bind(CLIENT_CONFIGURER_BEAN,
                new HostAuthorization(URI.create(graphUrl), () -> "Bearer " + tokens.current()));
        RetryAfterRedelivery retries = new RetryAfterRedelivery(tokens::invalidate, Clock.systemUTC());
        DeltaLinks links = new DeltaLinks(StateRepositories.boundOrFile(getContext(), STATE_REPOSITORY_BEAN,
                new File(resolved("{{sharepoint.state-file:sharepoint-delta.state}}"))), graphUrl, driveId);
        DriveItemDocuments documents = new DriveItemDocuments(driveId);

        // CamelHttpUri names the URL of each call; the endpoint only says how to call
        String graph = graphUrl + "?httpClientConfigurer=#" + CLIENT_CONFIGURER_BEAN;
        // /content answers 302 to a short-lived pre-authenticated URL: followed, never logged nor kept
        String graphStream = graph + "&disableStreamCache=true&followRedirects=true";
        String itemsUrl = graphUrl + "/v1.0/drives/" + driveId + "/items/";

        onException(HttpOperationFailedException.class).onWhen(retries::isRetried)
                .maximumRedeliveries("{{sharepoint.max-retries:5}}")
                .redeliveryDelay("{{sharepoint.retry-delay:1000}}")
                .onExceptionOccurred(retries::beforeRetry)
                .retryAttemptedLogLevel(LoggingLevel.WARN);
        // 410 Gone: the delta token is too old; Graph's Location starts a new full enumeration, called next poll
        onException(HttpOperationFailedException.class)
                .onWhen(exchange -> httpFailure(exchange).getStatusCode() == 410)
                .handled(true)
                .process(exchange -> links.restart(httpFailure(exchange)))
                .log(LoggingLevel.WARN, "Graph answered 410 Gone to the stored delta link: the next poll enumerates "
                                        + "the library again");

        from("timer:sharepoint-delta?period={{sharepoint.poll-period:60000}}").routeId("sharepoint-delta")
                .setProperty(NEXT_LINK, method(links, "next"))
                .loopDoWhile(exchangeProperty(NEXT_LINK).isNotNull())
                    .removeHeaders("*")
                    .setBody(constant(null))
                    .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                    .setHeader(Exchange.HTTP_URI, exchangeProperty(NEXT_LINK))
                    .to(graph)
                    .unmarshal().json(JsonLibrary.Jackson, DeltaPage.class)
                    .setProperty(PAGE, body())
                    .process(exchange -> exchange.getMessage().setBody(
                            exchange.getProperty(PAGE, DeltaPage.class).value()))
                    .split(body()).stopOnException()
                        .to("direct:sharepoint-item")
                    .end()
                    .process(exchange -> {
                        DeltaPage page = exchange.getProperty(PAGE, DeltaPage.class);
                        links.pageApplied(page);
                        exchange.setProperty(NEXT_LINK, page.isLastOfRound() ? null : page.nextLink());
                    })
                .end();

        from("direct:sharepoint-item").routeId("sharepoint-item")
                .setProperty(ITEM, body())
                .removeHeaders("*")
                .choice()
                    .when(exchange -> item(exchange).isDeleted())
                        .process(exchange -> documents.toDocument(exchange.getMessage(), item(exchange)))
                        .to("paradigm:deleteFile?workspaceId={{paradigm.workspace-id}}")
                        .log("${header." + ParadigmConstants.EXTERNAL_ID + "} deleted in SharePoint: "
                             + "${header." + ParadigmConstants.COUNT + "} document(s) deleted in Paradigm")
                    .when(exchange -> item(exchange).isFile())
                        .to("direct:sharepoint-file")
                    // folders and the root hold no content of their own
                .end();

        from("direct:sharepoint-file").routeId("sharepoint-file")
                // delta leaves parentReference.path out (SharePoint): the item itself has it
                .filter(exchange -> item(exchange).parentReference() == null
                                    || item(exchange).parentReference().path() == null)
                    .setBody(constant(null))
                    .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                    .process(exchange -> exchange.getMessage().setHeader(Exchange.HTTP_URI,
                            itemsUrl + item(exchange).id()))
                    .setHeader(Exchange.HTTP_QUERY, constant("$select=id,parentReference"))
                    .to(graph)
                    .unmarshal().json(JsonLibrary.Jackson, DriveItem.class)
                    .process(exchange -> exchange.setProperty(ITEM, withParent(item(exchange),
                            exchange.getMessage().getBody(DriveItem.class))))
                    .removeHeaders("*")
                .end()
                .process(exchange -> documents.toDocument(exchange.getMessage(), item(exchange)))
                // the document as Paradigm has it: a file whose quickXorHash it already has is not downloaded at all
                .setHeader(ParadigmConstants.FILTER_EXTERNAL_ID, header(ParadigmConstants.EXTERNAL_ID))
                .to("paradigm:listFiles?workspaceId={{paradigm.workspace-id}}&ordering=-created_at&maxResults=1")
                .process(exchange -> exchange.setProperty(STORED, exchange.getMessage().getBody(List.class).stream()
                        .findFirst().orElse(null)))
                .choice()
                    .when(exchange -> documents.contentUnchanged(stored(exchange), item(exchange)))
                        .setBody(exchangeProperty(STORED))
                    .otherwise()
                        .setBody(constant(null))
                        .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                        .process(exchange -> exchange.getMessage().setHeader(Exchange.HTTP_URI,
                                itemsUrl + item(exchange).id() + "/content"))
                        .to(graphStream)
                        .removeHeaders("CamelHttp*")
                        .to("paradigm:upload?workspaceId={{paradigm.workspace-id}}&onExisting=replace")
                        .process(exchange -> exchange.setProperty(STORED, "unchanged".equals(exchange.getMessage()
                                .getHeader(ParadigmConstants.UPLOAD_OUTCOME)) ? exchange.getMessage().getBody() : null))
                        .log("${header." + ParadigmConstants.EXTERNAL_ID + "} (${header." + ParadigmConstants.FILENAME
                             + "}): ${header." + ParadigmConstants.UPLOAD_OUTCOME + "}")
                .end()
                // same content, renamed or moved: the title and metadata follow without the content being sent
                .filter(exchange -> stored(exchange) != null && documents.metadataChanged(stored(exchange), item(exchange)))
                    .process(exchange -> documents.toMetadataUpdate(exchange.getMessage(), stored(exchange),
                            item(exchange)))
                    .setBody(exchangeProperty(STORED))
                    .to("paradigm:updateFile?workspaceId={{paradigm.workspace-id}}")
                    .log("${header." + ParadigmConstants.EXTERNAL_ID + "}: title and metadata updated")
                .end();
    }

    private static ParadigmFile stored(Exchange exchange) {
        return exchange.getProperty(STORED, ParadigmFile.class);
    }

    /** While an onException clause runs, the exception has moved to the exchange's EXCEPTION_CAUGHT property. */
    private static HttpOperationFailedException httpFailure(Exchange exchange) {
        HttpOperationFailedException failure = exchange.getException(HttpOperationFailedException.class);
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                HttpOperationFailedException.class);
    }

    private static DriveItem item(Exchange exchange) {
        return exchange.getProperty(ITEM, DriveItem.class);
    }

    private static DriveItem withParent(DriveItem item, DriveItem fetched) {
        return new DriveItem(item.id(), item.name(), item.webUrl(), item.lastModifiedDateTime(), item.lastModifiedBy(),
                fetched.parentReference(), item.file(), item.folder(), item.deleted());
    }

    private String resolved(String placeholder) {
        return getContext().resolvePropertyPlaceholders(placeholder);
    }
}
