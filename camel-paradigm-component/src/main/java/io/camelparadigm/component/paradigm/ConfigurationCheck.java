package io.camelparadigm.component.paradigm;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.camelparadigm.component.paradigm.client.BaseUrl;
import io.camelparadigm.component.paradigm.client.ParadigmValidationException;

/**
 * Checks every option of an endpoint when it is created, so a bad URI fails route start naming the option and the
 * value, instead of being sent (or silently becoming another value) on the first exchange. Puts {@code baseUrl} in
 * its canonical form.
 */
final class ConfigurationCheck {

    private ConfigurationCheck() {
    }

    /**
     * @param operation the URI's operation (or {@code paradigm} when a header names it), the prefix of every message
     */
    static void check(String operation, ParadigmConfiguration c) {
        connection(operation, c);
        retriesAndConcurrency(operation, c);
        upload(operation, c);
        listing(operation, c);
        consumers(operation, c);
    }

    private static void connection(String operation, ParadigmConfiguration c) {
        try {
            c.setBaseUrl(BaseUrl.parse(c.getBaseUrl()).toString());
        } catch (IllegalArgumentException e) {
            throw new ParadigmValidationException(operation, e.getMessage());
        }
        if (c.getApiKey().chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
            throw new ParadigmValidationException(operation, "apiKey holds a space, a line break or another control "
                                                             + "character (the key is not shown): check how it was "
                                                             + "copied into the property or environment variable");
        }
        InputRules.atLeast(operation, "responseTimeout", c.getResponseTimeout(), 1);
    }

    private static void retriesAndConcurrency(String operation, ParadigmConfiguration c) {
        InputRules.atLeast(operation, "maxRetries", c.getMaxRetries(), 0);
        InputRules.atLeast(operation, "retryInitialDelay", c.getRetryInitialDelay(), 1);
        InputRules.atLeast(operation, "retryMaxDelay", c.getRetryMaxDelay(), 1);
        InputRules.atLeast(operation, "maxRetryAfter", c.getMaxRetryAfter(), 0);
        if (c.isAdaptiveConcurrency()) {
            InputRules.atLeast(operation, "initialConcurrency", c.getInitialConcurrency(), 1);
            // an initialConcurrency above maxConcurrency starts at maxConcurrency
            InputRules.atLeast(operation, "maxConcurrency", c.getMaxConcurrency(), 1);
        }
    }

    private static void upload(String operation, ParadigmConfiguration c) {
        if (c.getWorkspaceId() != null) {
            InputRules.id(operation, "workspaceId", c.getWorkspaceId());
        }
        InputRules.ids(operation, "workspaceIds", c.getWorkspaceIds());
        InputRules.name(operation, "title", c.getTitle());
        InputRules.name(operation, "filename", c.getFilename());
        InputRules.name(operation, "parser", c.getParser());
        java.util.List<Long> tags = InputRules.ids(operation, "tags", c.getTags());
        if (ParadigmOperations.upload.name().equals(operation)) {
            InputRules.uploadTags(operation, "tags", tags);
        }
        InputRules.atLeast(operation, "maxFileSize", c.getMaxFileSize(), 1);
        InputRules.atLeast(operation, "completionTimeout", c.getCompletionTimeout(), 1);
        InputRules.atLeast(operation, "completionPollInterval", c.getCompletionPollInterval(), 1);
        if (c.getFileId() != null) {
            InputRules.id(operation, "fileId", c.getFileId());
        }
    }

    private static void listing(String operation, ParadigmConfiguration c) {
        InputRules.statuses(operation, "status", c.getStatus());
        InputRules.visionStatuses(operation, "statusVision", c.getStatusVision());
        InputRules.dateOrDateTime(operation, "createdAtAfter", c.getCreatedAtAfter());
        InputRules.dateOrDateTime(operation, "createdAtBefore", c.getCreatedAtBefore());
        InputRules.dateOrDateTime(operation, "updatedAtAfter", c.getUpdatedAtAfter());
        InputRules.dateOrDateTime(operation, "updatedAtBefore", c.getUpdatedAtBefore());
        InputRules.uuid(operation, "uploadSessionUuid", c.getUploadSessionUuid());
        Integer min = c.getTotalPagesMin() == null ? null
                : InputRules.between(operation, "totalPagesMin", c.getTotalPagesMin(), 0, Integer.MAX_VALUE);
        Integer max = c.getTotalPagesMax() == null ? null
                : InputRules.between(operation, "totalPagesMax", c.getTotalPagesMax(), 0, Integer.MAX_VALUE);
        if (min != null && max != null && min > max) {
            throw new ParadigmValidationException(operation, "totalPagesMin " + min + " is more than totalPagesMax "
                                                             + max + ": no file can match");
        }
        InputRules.ordering(operation, "ordering", c.getOrdering());
        InputRules.between(operation, "pageSize", c.getPageSize(), 1, Integer.MAX_VALUE);
        InputRules.atLeast(operation, "maxResults", c.getMaxResults(), 0);
        if (c.getMaxDocuments() != null) {
            InputRules.between(operation, "maxDocuments", c.getMaxDocuments(), 1, InputRules.MAX_DOCUMENTS);
        }
        if (c.getSearchDetailsChunksLimit() != null) {
            InputRules.between(operation, "searchDetailsChunksLimit", c.getSearchDetailsChunksLimit(), 1,
                    InputRules.MAX_SEARCH_DETAILS_CHUNKS);
        }
        InputRules.ids(operation, "groupId", c.getGroupId());
    }

    private static void consumers(String operation, ParadigmConfiguration c) {
        InputRules.statuses(operation, "statuses", c.getStatuses());
        String startFrom = c.getStartFrom();
        if (startFrom != null && !startFrom.isBlank() && !startFrom.equalsIgnoreCase("all")
                && !startFrom.equalsIgnoreCase("now")) {
            try {
                Instant.parse(startFrom.trim());
            } catch (DateTimeParseException e) {
                throw InputRules.invalid(operation, "startFrom", startFrom, "is not all, now or an ISO-8601 instant "
                                                                            + "such as 2025-01-01T00:00:00Z");
            }
        }
        InputRules.atLeast(operation, "overlap", c.getOverlap(), 0);
        InputRules.atLeast(operation, "quietPeriod", c.getQuietPeriod(), 0);
    }
}
