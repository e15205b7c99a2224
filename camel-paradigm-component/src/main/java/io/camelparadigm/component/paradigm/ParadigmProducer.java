package io.camelparadigm.component.paradigm;

import java.time.Duration;
import java.util.List;

import io.camelparadigm.component.paradigm.client.FileQuery;
import io.camelparadigm.component.paradigm.client.FileUpdate;
import io.camelparadigm.component.paradigm.client.PagedIterator;
import io.camelparadigm.component.paradigm.client.ParadigmClient;
import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import io.camelparadigm.component.paradigm.client.UploadContent;
import io.camelparadigm.component.paradigm.client.UploadRequest;
import io.camelparadigm.component.paradigm.client.UploadResult;
import io.camelparadigm.component.paradigm.model.ExternalMetadata;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.component.paradigm.model.TagDefinition;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/** Performs the operation of the URI (or of the CamelParadigmOperation header) on each exchange. */
public class ParadigmProducer extends DefaultProducer {

    private final ParadigmConfiguration configuration;
    private WritableHealthCheckRepository healthCheckRepository;
    private ParadigmProducerHealthCheck healthCheck;

    public ParadigmProducer(ParadigmEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // present only when the application turned producer health checks on
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new ParadigmProducerHealthCheck(getEndpoint());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public ParadigmEndpoint getEndpoint() {
        return (ParadigmEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        switch (operation(exchange)) {
            case upload -> upload(exchange);
            case addTags -> addTags(exchange);
            case listFiles -> listFiles(exchange, false);
            case search -> listFiles(exchange, true);
            case getFile -> getFile(exchange);
            case listWorkspaces -> exchange.getMessage().setBody(client().listWorkspaces());
            case updateFile -> fileChanges().updateFile(exchange);
            case deleteFile -> fileChanges().deleteFile(exchange);
            case bulkDelete -> fileChanges().bulkDelete(exchange);
            case removeTag -> fileChanges().removeTag(exchange);
            case listTags -> listTags(exchange);
        }
    }

    private ParadigmOperations operation(Exchange exchange) {
        Object named = exchange.getMessage().getHeader(ParadigmConstants.OPERATION);
        if (named == null) {
            return getEndpoint().getDefaultOperation();
        }
        if (named instanceof ParadigmOperations operation) {
            return operation;
        }
        try {
            return ParadigmOperations.valueOf(named.toString().trim());
        } catch (IllegalArgumentException e) {
            throw InputRules.invalid("paradigm", "header " + ParadigmConstants.OPERATION, named,
                    "is not an operation: use one of " + java.util.Arrays.toString(ParadigmOperations.values()));
        }
    }

    private void upload(Exchange exchange) throws InterruptedException {
        Message message = exchange.getMessage();
        ExchangeInputs inputs = new ExchangeInputs(message, configuration, "upload");
        long workspaceId = inputs.workspaceId();
        List<Long> tags = inputs.tags(ParadigmConstants.TAGS);
        ExternalMetadata metadata = ExternalMetadataResolver.resolve(message, configuration);
        String filename = inputs.name(ParadigmConstants.FILENAME, "filename", configuration.getFilename());
        boolean replace = configuration.getOnExisting() == OnExisting.replace;
        if (replace && metadata == null) {
            throw new ParadigmValidationException("upload", "onExisting=replace needs an external id to find the "
                                                            + "document to replace: set the externalId option or the "
                                                            + ParadigmConstants.EXTERNAL_ID + " header");
        }
        UploadContentResolver contents = new UploadContentResolver(configuration.getMaxFileSize());
        // a body is read to be hashed only when the route gives no version of its own
        UploadContent content = contents.resolve(exchange, filename, replace && !ContentVersion.given(message));
        String version = null;
        if (replace) {
            version = ContentVersion.of(message, content);
            metadata = ContentVersion.recorded(metadata, version);
        }
        String title = inputs.name(ParadigmConstants.TITLE, "title", configuration.getTitle());
        UploadRequest request = new UploadRequest(
                workspaceId,
                content,
                filename,
                title,
                inputs.name(ParadigmConstants.PARSER, "parser", configuration.getParser()),
                tags,
                metadata);

        if (metadata != null && configuration.getOnExisting() != OnExisting.upload) {
            ParadigmFile existing = findByExternalId(workspaceId, metadata.externalId());
            if (existing != null) {
                if (configuration.getOnExisting() == OnExisting.fail) {
                    throw new ParadigmDocumentExistsException(existing);
                }
                if (replace && !version.equals(ContentVersion.stored(existing))) {
                    ParadigmFile replaced = client().updateFile(existing.id(), new FileUpdate(title, null, metadata,
                            contents.rereadable(exchange, content), filename));
                    finishUpload(message, replaced, UploadOutcome.replaced);
                    return;
                }
                setFileHeaders(message, existing);
                message.setHeader(ParadigmConstants.SKIPPED, true);
                message.setHeader(ParadigmConstants.UPLOAD_OUTCOME,
                        (replace ? UploadOutcome.unchanged : UploadOutcome.skipped).name());
                message.setBody(existing);
                return;
            }
        }

        UploadResult result = client().upload(request);
        ParadigmFile file = result.file();
        if (!result.tagsApplied() && configuration.isFailOnTagError()) {
            throw new ParadigmTagsNotAppliedException(file);
        }
        message.setHeader(ParadigmConstants.TAGS_APPLIED, result.tagsApplied());
        message.setHeader(ParadigmConstants.MESSAGE, file.message());
        finishUpload(message, file, UploadOutcome.created);
    }

    /** What upload says of a document it sent: after waiting for its processing when asked to. */
    private void finishUpload(Message message, ParadigmFile sent, UploadOutcome outcome) throws InterruptedException {
        ParadigmFile file = sent;
        message.setHeader(ParadigmConstants.SKIPPED, false);
        message.setHeader(ParadigmConstants.UPLOAD_OUTCOME, outcome.name());
        if (configuration.isWaitForCompletion()) {
            file = new CompletionWaiter(client(), Duration.ofMillis(configuration.getCompletionTimeout()),
                    Duration.ofMillis(configuration.getCompletionPollInterval())).await(file);
        }
        setFileHeaders(message, file);
        message.setBody(file);
    }

    /** The values of the CamelParadigmUploadOutcome header. */
    private enum UploadOutcome { created, replaced, unchanged, skipped }

    private void listTags(Exchange exchange) {
        List<TagDefinition> tags = client().listTags();
        exchange.getMessage().setHeader(ParadigmConstants.COUNT, (long) tags.size());
        exchange.getMessage().setBody(tags);
    }

    private FileChanges fileChanges() {
        return new FileChanges(configuration, client());
    }

    private ParadigmFile findByExternalId(long workspaceId, String externalId) {
        List<ParadigmFile> found = client().listFiles(FileQuery.builder().externalId(externalId)
                .workspaceIds(List.of(workspaceId)).pageSize(1).build()).results();
        return found.isEmpty() ? null : found.get(0);
    }

    private void addTags(Exchange exchange) {
        Message message = exchange.getMessage();
        ExchangeInputs inputs = new ExchangeInputs(message, configuration, "addTags");
        long fileId = inputs.fileId();
        List<Long> tags = message.getHeader(ParadigmConstants.TAGS) == null && configuration.getTags() == null
                ? InputRules.ids("addTags", "the message body", message.getBody())
                : inputs.tags(ParadigmConstants.TAGS);
        if (tags.isEmpty()) {
            throw new ParadigmValidationException("addTags", "no tags to add: set the tags option, the "
                                                             + ParadigmConstants.TAGS + " header or a body such as 1,2");
        }
        ParadigmFile file = client().addTags(fileId, tags);
        setFileHeaders(message, file);
        message.setBody(file);
    }

    private void getFile(Exchange exchange) {
        Message message = exchange.getMessage();
        long fileId = new ExchangeInputs(message, configuration, "getFile").fileId();
        ParadigmFile file = client().getFile(fileId, configuration.isIncludeContent());
        setFileHeaders(message, file);
        message.setBody(file);
    }

    private void listFiles(Exchange exchange, boolean search) {
        Message message = exchange.getMessage();
        FileQuery query = new FileQueryFactory(configuration).create(message, search);
        PagedIterator<ParadigmFile> files = client().iterateFiles(query, configuration.getMaxResults());
        message.setHeader(ParadigmConstants.COUNT, files.totalCount());
        if (configuration.isStreamResults()) {
            message.setBody(files);
        } else {
            List<ParadigmFile> all = new java.util.ArrayList<>();
            files.forEachRemaining(all::add);
            message.setBody(all);
        }
    }

    static void setFileHeaders(Message message, ParadigmFile file) {
        message.setHeader(ParadigmConstants.FILE_ID, file.id());
        message.setHeader(ParadigmConstants.STATUS, file.status());
        message.setHeader(ParadigmConstants.STATUS_VISION, file.statusVision());
        message.setHeader(ParadigmConstants.STATUS_DETAIL, file.statusDetail());
        message.setHeader(ParadigmConstants.UPLOAD_SESSION_UUID, file.uploadSessionUuid());
        message.setHeader(ParadigmConstants.FILE_EXTERNAL_ID, file.externalId());
        message.setHeader(ParadigmConstants.FILE_WORKSPACE_ID, file.workspace() == null ? null : file.workspace().id());
    }

    private ParadigmClient client() {
        return getEndpoint().getClient();
    }
}
