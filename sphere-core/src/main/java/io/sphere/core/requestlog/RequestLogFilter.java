package io.sphere.core.requestlog;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the request-log page asks for: any combination of user e-mail, path prefix, status class (2 for 2xx …) and
 * a half-open time range [from, to); or one request by its id (the audit history links to it).
 */
public record RequestLogFilter(Optional<String> userEmail, Optional<String> pathPrefix, Optional<Integer> statusClass,
        Optional<Instant> from, Optional<Instant> to, Optional<UUID> requestId) {

    public RequestLogFilter(Optional<String> userEmail, Optional<String> pathPrefix, Optional<Integer> statusClass,
            Optional<Instant> from, Optional<Instant> to) {
        this(userEmail, pathPrefix, statusClass, from, to, Optional.empty());
    }

    public static RequestLogFilter none() {
        return new RequestLogFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
