package io.camelparadigm.component.paradigm;

import java.util.List;

import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import org.apache.camel.Message;

/**
 * The inputs of one exchange: each read from its header, else from its option, and checked by {@link InputRules}
 * before any request. An error names the header or the option the bad value came from.
 */
final class ExchangeInputs {

    private final Message message;
    private final ParadigmConfiguration configuration;
    private final String operation;

    ExchangeInputs(Message message, ParadigmConfiguration configuration, String operation) {
        this.message = message;
        this.configuration = configuration;
        this.operation = operation;
    }

    String operation() {
        return operation;
    }

    /** The one workspace of an upload: the CamelParadigmWorkspaceId header, else the workspaceId option. */
    long workspaceId() {
        Long id = id(ParadigmConstants.WORKSPACE_ID, "workspaceId", configuration.getWorkspaceId());
        if (id == null) {
            throw new ParadigmValidationException(operation, "no workspace: set the workspaceId option or the "
                                                             + ParadigmConstants.WORKSPACE_ID + " header");
        }
        return id;
    }

    /**
     * The workspaces a listing is limited to: the CamelParadigmFilterWorkspaceId header, else the workspaceIds option,
     * else the workspaceId option; empty for every workspace.
     */
    List<Long> workspaceFilter() {
        Object several = message.getHeader(ParadigmConstants.FILTER_WORKSPACE_ID);
        if (several != null) {
            return InputRules.ids(operation, header(ParadigmConstants.FILTER_WORKSPACE_ID), several);
        }
        return configuration.workspaceFilter();
    }

    long fileId() {
        Long id = optionalFileId();
        if (id == null) {
            throw new ParadigmValidationException(operation, "no file id: set the fileId option or the "
                                                             + ParadigmConstants.FILE_ID + " header");
        }
        return id;
    }

    /** The CamelParadigmFileId header, else the fileId option; null when neither is set. */
    Long optionalFileId() {
        return id(ParadigmConstants.FILE_ID, "fileId", configuration.getFileId());
    }

    /** Tag ids from the header, else the tags option; for an upload, no more than one form can carry. */
    List<Long> tags(String header) {
        Object value = message.getHeader(header);
        String what = value != null ? header(header) : "tags";
        List<Long> tags = InputRules.ids(operation, what, value != null ? value : configuration.getTags());
        return operation.equals(ParadigmOperations.upload.name()) ? InputRules.uploadTags(operation, what, tags) : tags;
    }

    /** Group ids from the header, else the groupId option. */
    List<Long> groupIds() {
        Object value = message.getHeader(ParadigmConstants.FILTER_GROUP_ID);
        return value != null ? InputRules.ids(operation, header(ParadigmConstants.FILTER_GROUP_ID), value)
                : InputRules.ids(operation, "groupId", configuration.getGroupId());
    }

    /** A title, filename or parser: at most 255 characters. */
    String name(String header, String option, String optionValue) {
        return text(header, option, optionValue, InputRules::name);
    }

    String dateOrDateTime(String header, String option, String optionValue) {
        return text(header, option, optionValue, InputRules::dateOrDateTime);
    }

    String uploadSessionUuid(String header) {
        return text(header, "uploadSessionUuid", configuration.getUploadSessionUuid(), InputRules::uuid);
    }

    String ordering() {
        return text(ParadigmConstants.ORDERING, "ordering", configuration.getOrdering(), InputRules::ordering);
    }

    /** Free text: the header when it is not blank, else the option. */
    String text(String header, String optionValue) {
        return ParadigmValues.textOr(message, header, optionValue);
    }

    List<String> statuses() {
        Object value = message.getHeader(ParadigmConstants.FILTER_STATUS);
        return value != null ? InputRules.statuses(operation, header(ParadigmConstants.FILTER_STATUS), value)
                : InputRules.statuses(operation, "status", configuration.getStatus());
    }

    List<String> visionStatuses() {
        Object value = message.getHeader(ParadigmConstants.FILTER_STATUS_VISION);
        return value != null
                ? InputRules.visionStatuses(operation, header(ParadigmConstants.FILTER_STATUS_VISION), value)
                : InputRules.visionStatuses(operation, "statusVision", configuration.getStatusVision());
    }

    /** A page count filter: a whole number, 0 or more. */
    Integer totalPages(String header, String option, Integer optionValue) {
        Object value = message.getHeader(header);
        if (value != null) {
            return InputRules.between(operation, header(header), value, 0, Integer.MAX_VALUE);
        }
        return optionValue == null ? null : InputRules.between(operation, option, optionValue, 0, Integer.MAX_VALUE);
    }

    private Long id(String header, String option, Long optionValue) {
        Object value = message.getHeader(header);
        if (value != null) {
            return InputRules.id(operation, header(header), value);
        }
        return optionValue == null ? null : InputRules.id(operation, option, optionValue);
    }

    private String text(String header, String option, String optionValue, TextRule rule) {
        String value = message.getHeader(header, String.class);
        if (value != null && !value.isBlank()) {
            return rule.check(operation, header(header), value);
        }
        return optionValue == null ? null : rule.check(operation, option, optionValue);
    }

    private static String header(String name) {
        return "header " + name;
    }

    @FunctionalInterface
    private interface TextRule {
        String check(String operation, String what, String value);
    }
}
