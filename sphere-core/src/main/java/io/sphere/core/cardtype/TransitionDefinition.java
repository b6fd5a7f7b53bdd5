package io.sphere.core.cardtype;

import java.util.List;

/**
 * A move from one stage to another. {@code allowedGroupIds} empty means everyone with the TRANSITION permission
 * may fire it; otherwise only members of those groups (and the superuser). {@code requiredFields} become required
 * when the transition fires.
 */
public record TransitionDefinition(String key, String from, String to, String label, List<Long> allowedGroupIds,
        List<String> requiredFields) {

    public TransitionDefinition {
        allowedGroupIds = allowedGroupIds == null ? List.of() : List.copyOf(allowedGroupIds);
        requiredFields = requiredFields == null ? List.of() : List.copyOf(requiredFields);
    }
}
