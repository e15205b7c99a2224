package io.camelparadigm.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Companies, users, API keys, workspaces and tags the emulator knows, and who may do what. One company
 * is "ours" (the emulator's key belongs to it); a second, foreign company owns things that key must not
 * reach.
 */
final class Accounts {

    static final long OUR_COMPANY = 1;
    static final long FOREIGN_COMPANY = 2;
    static final String WORKSPACE_TYPE = "custom";

    record User(long id, long companyId, String firstName, String lastName, String username) {
    }

    record Workspace(long id, String name, String type, long companyId) {
    }

    record Tag(long id, String name, String description, boolean autoAssign, long companyId) {
    }

    /** The holder of a valid API key. */
    static final class Caller {
        private final User user;
        private final Map<Long, WorkspaceRole> roles;

        private Caller(User user, Map<Long, WorkspaceRole> roles) {
            this.user = user;
            this.roles = roles;
        }

        User user() {
            return user;
        }

        synchronized boolean canSee(long workspaceId) {
            return roles.containsKey(workspaceId);
        }

        synchronized boolean canWrite(long workspaceId) {
            WorkspaceRole role = roles.get(workspaceId);
            return role != null && role.canWrite();
        }

        /** Whether the caller may write in at least one workspace (what creating a tag requires). */
        synchronized boolean canWriteSomewhere() {
            return roles.values().stream().anyMatch(WorkspaceRole::canWrite);
        }

        synchronized void grant(long workspaceId, WorkspaceRole role) {
            roles.put(workspaceId, role);
        }

        /** Identifies the caller for rate limits and upload sessions without holding the key itself. */
        String principal() {
            return "user-" + user.id();
        }
    }

    private final Map<Long, Workspace> workspaces = new LinkedHashMap<>();
    private final Map<Long, Tag> tags = new LinkedHashMap<>();
    private final Map<String, Caller> callersByKey = new LinkedHashMap<>();
    private long nextWorkspaceId = 101;
    private long nextTagId = 501;

    synchronized Workspace addWorkspace(String name, long companyId) {
        Workspace workspace = new Workspace(nextWorkspaceId++, name, WORKSPACE_TYPE, companyId);
        workspaces.put(workspace.id(), workspace);
        return workspace;
    }

    synchronized Tag addTag(String name, long companyId) {
        return addTag(name, "", false, companyId);
    }

    synchronized Tag addTag(String name, String description, boolean autoAssign, long companyId) {
        Tag tag = new Tag(nextTagId++, name, description, autoAssign, companyId);
        tags.put(tag.id(), tag);
        return tag;
    }

    /** A new tag, unless the company already has one of that name (then empty). */
    synchronized Optional<Tag> addTagIfNew(String name, String description, boolean autoAssign, long companyId) {
        boolean taken = tags.values().stream().anyMatch(tag -> tag.companyId() == companyId && tag.name().equals(name));
        return taken ? Optional.empty() : Optional.of(addTag(name, description, autoAssign, companyId));
    }

    /** The tags of the caller's company, by id. */
    synchronized List<Tag> tagsOf(Caller caller) {
        return tags.values().stream().filter(tag -> tag.companyId() == caller.user().companyId()).toList();
    }

    synchronized Caller addKey(String apiKey, User user) {
        Caller caller = new Caller(user, new LinkedHashMap<>());
        callersByKey.put(apiKey, caller);
        return caller;
    }

    synchronized Optional<Workspace> workspace(long id) {
        return Optional.ofNullable(workspaces.get(id));
    }

    synchronized Optional<Tag> tag(long id) {
        return Optional.ofNullable(tags.get(id));
    }

    /** Workspaces the caller may see, by id. */
    synchronized List<Workspace> visibleWorkspaces(Caller caller) {
        List<Workspace> visible = new ArrayList<>();
        for (Workspace workspace : workspaces.values()) {
            if (caller.canSee(workspace.id())) {
                visible.add(workspace);
            }
        }
        return visible;
    }

    /** A tag the caller may put on documents: it exists and belongs to the caller's company. */
    synchronized boolean canUseTag(Caller caller, long tagId) {
        Tag tag = tags.get(tagId);
        return tag != null && tag.companyId() == caller.user().companyId();
    }

    /** The caller owning {@code presentedKey}, compared in constant time; empty when no key matches. */
    synchronized Optional<Caller> authenticate(String presentedKey) {
        byte[] presented = presentedKey.getBytes(StandardCharsets.UTF_8);
        Caller found = null;
        for (Map.Entry<String, Caller> entry : callersByKey.entrySet()) {
            if (MessageDigest.isEqual(entry.getKey().getBytes(StandardCharsets.UTF_8), presented)) {
                found = entry.getValue();
            }
        }
        return Optional.ofNullable(found);
    }
}
