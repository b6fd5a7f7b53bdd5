package io.sphere.core.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * The id of the HTTP request being served on this thread, for the audit event it causes. sphere-web provides it
 * from the request's {@code X-Request-Id}; elsewhere (CLI, worker) there is none.
 */
public interface RequestIdSource {

    Optional<UUID> current();
}
