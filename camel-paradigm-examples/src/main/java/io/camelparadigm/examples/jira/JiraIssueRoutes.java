package io.camelparadigm.examples.jira;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
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
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;

/**
 * Jira Cloud issues kept in sync in Paradigm, and Paradigm's outcome written back as comments, in Java DSL:
 * <ol>
 * <li>{@code jira-poll}: every {@code jira.poll-period} ms, searches the issues of {@code jira.jql} updated since the
 * watermark ({@code GET /rest/api/3/search/jql}, oldest change first, following {@code nextPageToken}); the
 * watermark is kept in a Camel state repository, so a restart resumes from it;</li>
 * <li>{@code jira-issue}: uploads each issue as a Markdown document with {@code onExisting=replace}: a new issue is
 * created, an edited one replaced in place (same document, processed again), one seen again unchanged is not sent;</li>
 * <li>{@code jira-attachment}: downloads each attachment Paradigm does not have yet (streamed; Jira redirects to its
 * media host, which gets no credentials) and uploads it, linked to its issue; attachments never change, so one
 * already in Paradigm is neither downloaded nor sent again;</li>
 * <li>{@code jira-comments}: when Paradigm has finished with one of these documents ({@code paradigm:fileEvents},
 * final statuses), comments on the issue ({@code POST /rest/api/3/issue/{key}/comment});</li>
 * <li>{@code jira-reconcile}: every {@code jira.reconcile-period} ms (one hour; 0 turns it off), what JQL cannot
 * return: lists this site's documents ({@code paradigm:listFiles}), asks Jira about each of their issues
 * ({@code jira-reconcile-issue}: {@code GET /rest/api/3/issue/{key}?fields=attachment}) and deletes
 * ({@code paradigm:bulkDelete}) the documents of an issue gone (Jira's 404, once {@code GET /rest/api/3/mypermissions}
 * says the account can still browse its project) or moved (another key), and those of attachments no longer on their
 * issue; any other answer deletes nothing and fails the round ({@link JiraReconciliation}).</li>
 * </ol>
 * Jira's 429 and 503 are retried after their {@code Retry-After}. Properties: {@code jira.url}, {@code jira.site},
 * {@code jira.email}, {@code jira.api-token}, {@code jira.jql}, {@code jira.since}, {@code jira.timezone},
 * {@code jira.state-file} (or a {@code StateRepository<String, String>} bound as {@code jiraWatermarkState}),
 * {@code jira.poll-period}, {@code jira.page-size}, {@code jira.max-retries}, {@code jira.retry-delay},
 * {@code jira.status-poll-delay}, {@code jira.reconcile-period}, {@code paradigm.workspace-id}.
 */
public class JiraIssueRoutes extends RouteBuilder {

    public static final String STATE_REPOSITORY_BEAN = "jiraWatermarkState";
    static final String CLIENT_CONFIGURER_BEAN = "jiraClient";
    private static final String FIELDS = "summary,description,status,priority,issuetype,assignee,reporter,labels,"
                                         + "created,updated,attachment";
    private static final String JQL = "JiraJql";
    private static final String NEXT_PAGE_TOKEN = "JiraNextPageToken";
    private static final String MORE = "JiraMorePages";
    private static final String PAGE = "JiraSearchPage";
    private static final String ISSUE = "JiraIssue";
    private static final String ATTACHMENT = "JiraAttachment";
    static final String RECONCILE_ROUND = "JiraReconcileRound";
    static final String RECONCILE_ISSUE = "JiraReconcileIssue";
    /** Set while the account's permission on this project is asked: a failure then keeps the project's issues. */
    static final String RECONCILE_PROJECT = "JiraReconcileProject";
    private static final String ANSWER_STATUS = "JiraAnswerStatus";
    private static final String ANSWER = "JiraAnswer";
    private static final String STALE = "JiraStale";

    @Override
    public void configure() {
        String url = resolved("{{jira.url}}").replaceAll("/+$", "");
        URI site = URI.create(url);
        String siteName = resolved("{{jira.site:}}");
        if (siteName.isBlank()) {
            siteName = site.getHost().split("\\.")[0];
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (resolved("{{jira.email}}") + ":" + resolved("{{jira.api-token}}")).getBytes(StandardCharsets.UTF_8));
        getContext().getRegistry().bind(CLIENT_CONFIGURER_BEAN, new HostAuthorization(site, () -> basic));
        JiraWatermark watermark = new JiraWatermark(
                StateRepositories.boundOrFile(getContext(), STATE_REPOSITORY_BEAN,
                        new File(resolved("{{jira.state-file:jira-watermark.state}}"))),
                siteName, resolved("{{jira.jql:}}"), resolved("{{jira.since:}}"),
                ZoneId.of(resolved("{{jira.timezone:UTC}}")));
        JiraDocuments documents = new JiraDocuments(url, siteName);
        RetryAfterRedelivery retries = new RetryAfterRedelivery(null, Clock.systemUTC());
        String pageSize = resolved("{{jira.page-size:50}}");
        long reconcilePeriod = Long.parseLong(resolved("{{jira.reconcile-period:3600000}}"));
        JiraReconciliation reconciliation = new JiraReconciliation(siteName);

        // CamelHttpUri / CamelHttpQuery name each call; the endpoints only say how to call
        String api = url + "?httpClientConfigurer=#" + CLIENT_CONFIGURER_BEAN;
        String apiStream = api + "&disableStreamCache=true&followRedirects=true";

        onException(HttpOperationFailedException.class).onWhen(retries::isRetried)
                .maximumRedeliveries("{{jira.max-retries:5}}")
                .redeliveryDelay("{{jira.retry-delay:1000}}")
                .onExceptionOccurred(retries::beforeRetry)
                .retryAttemptedLogLevel(LoggingLevel.WARN);

        from("timer:jira-issues?period={{jira.poll-period:60000}}").routeId("jira-poll")
                .setProperty(JQL, method(watermark, "jql"))
                .setProperty(MORE, constant(true))
                .loopDoWhile(exchangeProperty(MORE).isEqualTo(true))
                    .removeHeaders("*")
                    .setBody(constant(null))
                    .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                    .process(exchange -> {
                        exchange.getMessage().setHeader(Exchange.HTTP_URI, url + "/rest/api/3/search/jql");
                        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, searchQuery(
                                exchange.getProperty(JQL, String.class), pageSize,
                                exchange.getProperty(NEXT_PAGE_TOKEN, String.class)));
                    })
                    .to(api)
                    .unmarshal().json(JsonLibrary.Jackson, SearchPage.class)
                    .setProperty(PAGE, body())
                    .process(exchange -> exchange.getMessage().setBody(
                            exchange.getProperty(PAGE, SearchPage.class).issues()))
                    .split(body()).stopOnException()
                        .to("direct:jira-issue")
                    .end()
                    .process(exchange -> {
                        SearchPage page = exchange.getProperty(PAGE, SearchPage.class);
                        watermark.pageApplied();
                        exchange.setProperty(MORE, page.hasNext());
                        exchange.setProperty(NEXT_PAGE_TOKEN, page.nextPageToken());
                    })
                .end();

        from("direct:jira-issue").routeId("jira-issue")
                .setProperty(ISSUE, body())
                .removeHeaders("*")
                .process(exchange -> documents.toIssueDocument(exchange.getMessage(), issue(exchange)))
                .to("paradigm:upload?workspaceId={{paradigm.workspace-id}}&onExisting=replace")
                .log("${header." + ParadigmConstants.EXTERNAL_ID + "}: ${header." + ParadigmConstants.UPLOAD_OUTCOME + "}")
                .process(exchange -> exchange.getMessage().setBody(issue(exchange).fields().attachment()))
                .split(body()).stopOnException()
                    .to("direct:jira-attachment")
                .end()
                .process(exchange -> watermark.seen(issue(exchange)));

        from("direct:jira-attachment").routeId("jira-attachment")
                .setProperty(ATTACHMENT, body())
                .removeHeaders("*")
                .process(exchange -> documents.toAttachmentDocument(exchange.getMessage(),
                        exchange.getProperty(ATTACHMENT, JiraIssue.Attachment.class), issue(exchange)))
                // an attachment never changes: one Paradigm already has is not downloaded again
                .setHeader(ParadigmConstants.FILTER_EXTERNAL_ID, header(ParadigmConstants.EXTERNAL_ID))
                .to("paradigm:listFiles?workspaceId={{paradigm.workspace-id}}&maxResults=1")
                .filter(exchange -> exchange.getMessage().getBody(List.class).isEmpty())
                    .setBody(constant(null))
                    .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                    .process(exchange -> exchange.getMessage().setHeader(Exchange.HTTP_URI,
                            exchange.getProperty(ATTACHMENT, JiraIssue.Attachment.class).content()))
                    .to(apiStream)
                    .removeHeaders("CamelHttp*")
                    .to("paradigm:upload?workspaceId={{paradigm.workspace-id}}&onExisting=replace")
                    .log("${header." + ParadigmConstants.EXTERNAL_ID + "}: ${header." + ParadigmConstants.UPLOAD_OUTCOME
                         + "}")
                .end();

        from("paradigm:fileEvents?workspaceId={{paradigm.workspace-id}}&terminalOnly=true"
             + "&delay={{jira.status-poll-delay:5000}}").routeId("jira-comments")
                .filter(exchange -> documents.isJiraDocument(exchange.getMessage().getBody(ParadigmFile.class)))
                .process(exchange -> {
                    ParadigmFile file = exchange.getMessage().getBody(ParadigmFile.class);
                    exchange.getMessage().removeHeaders("*");
                    exchange.getMessage().setHeader(Exchange.HTTP_URI,
                            url + "/rest/api/3/issue/" + documents.issueKey(file) + "/comment");
                    exchange.getMessage().setBody(documents.comment(file));
                })
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .marshal().json(JsonLibrary.Jackson)
                .to(api)
                .log("Comment added: ${header." + Exchange.HTTP_URI + "}");
        // what JQL cannot return: deleted (or moved) issues, removed attachments; jira.reconcile-period=0 turns it off
        from("timer:jira-reconcile?period=" + Math.max(reconcilePeriod, 1)).routeId("jira-reconcile")
                .autoStartup(reconcilePeriod > 0)
                .to("paradigm:listFiles?workspaceId={{paradigm.workspace-id}}&docType=jira_")
                .process(exchange -> {
                    JiraReconciliation.Round round = reconciliation.round(exchange.getMessage().getBody(List.class));
                    exchange.setProperty(RECONCILE_ROUND, round);
                    exchange.getMessage().setBody(round.issues());
                })
                .split(body(), reconciliation)
                    .to("direct:jira-reconcile-issue")
                .end()
                .process(exchange -> exchange.getProperty(RECONCILE_ROUND, JiraReconciliation.Round.class).end());

        from("direct:jira-reconcile-issue").routeId("jira-reconcile-issue")
                .setProperty(RECONCILE_ISSUE, body())
                .removeHeaders("*")
                .setBody(constant(null))
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .process(exchange -> exchange.getMessage().setHeader(Exchange.HTTP_URI,
                        url + "/rest/api/3/issue/" + reconcileIssue(exchange).key()))
                .setHeader(Exchange.HTTP_QUERY, constant("fields=attachment"))
                // 404 is an answer (the issue is gone, or hidden from the account); any other status but 200 fails
                // (429 and 503 retried first)
                .to(api + "&okStatusCodeRange=200,404")
                .process(exchange -> {
                    exchange.setProperty(ANSWER_STATUS,
                            exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
                    exchange.setProperty(ANSWER, exchange.getMessage().getBody(String.class));
                    exchange.setProperty(RECONCILE_PROJECT, reconciliation.projectToAsk(reconcileRound(exchange),
                            reconcileIssue(exchange), answerStatus(exchange),
                            exchange.getProperty(ANSWER, String.class)));
                })
                // Jira's 404 is the same for an issue the account may no longer see: the first of a project in a
                // round asks whether the account can still browse it
                .filter(exchangeProperty(RECONCILE_PROJECT).isNotNull())
                    .removeHeaders("*")
                    .setBody(constant(null))
                    .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                    .process(exchange -> {
                        exchange.getMessage().setHeader(Exchange.HTTP_URI, url + "/rest/api/3/mypermissions");
                        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, "projectKey=" + exchange.getProperty(
                                RECONCILE_PROJECT, String.class) + "&permissions=BROWSE_PROJECTS");
                    })
                    .to(api + "&okStatusCodeRange=200,404")
                    .process(exchange -> reconciliation.browsable(reconcileRound(exchange),
                            (String) exchange.removeProperty(RECONCILE_PROJECT),
                            exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class),
                            exchange.getMessage().getBody(String.class)))
                .end()
                .process(exchange -> exchange.setProperty(STALE, reconciliation.stale(reconcileRound(exchange),
                        reconcileIssue(exchange), answerStatus(exchange), exchange.getProperty(ANSWER, String.class))))
                .filter(exchange -> !exchange.getProperty(STALE, JiraReconciliation.Stale.class).ids().isEmpty())
                    .removeHeaders("*")
                    .setBody(simple("${exchangeProperty." + STALE + ".ids}"))
                    .to("paradigm:bulkDelete")
                    .process(exchange -> reconcileRound(exchange).deleted(
                            exchange.getProperty(STALE, JiraReconciliation.Stale.class),
                            exchange.getMessage().getHeader(ParadigmConstants.COUNT, Integer.class)))
                    .log("${exchangeProperty." + STALE + "}: ${header." + ParadigmConstants.COUNT
                         + "} document(s) deleted")
                .end();
    }

    private static String searchQuery(String jql, String pageSize, String nextPageToken) {
        List<NameValuePair> query = new ArrayList<>(List.of(new BasicNameValuePair("jql", jql),
                new BasicNameValuePair("fields", FIELDS), new BasicNameValuePair("maxResults", pageSize)));
        if (nextPageToken != null) {
            query.add(new BasicNameValuePair("nextPageToken", nextPageToken));
        }
        return WWWFormCodec.format(query, StandardCharsets.UTF_8);
    }

    private static JiraReconciliation.Round reconcileRound(Exchange exchange) {
        return exchange.getProperty(RECONCILE_ROUND, JiraReconciliation.Round.class);
    }

    private static int answerStatus(Exchange exchange) {
        return exchange.getProperty(ANSWER_STATUS, Integer.class);
    }

    private static JiraReconciliation.IssueDocuments reconcileIssue(Exchange exchange) {
        return exchange.getProperty(RECONCILE_ISSUE, JiraReconciliation.IssueDocuments.class);
    }

    private static JiraIssue issue(Exchange exchange) {
        return exchange.getProperty(ISSUE, JiraIssue.class);
    }

    private String resolved(String placeholder) {
        return getContext().resolvePropertyPlaceholders(placeholder);
    }
}
