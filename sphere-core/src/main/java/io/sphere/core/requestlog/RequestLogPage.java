package io.sphere.core.requestlog;

import java.util.List;
import java.util.Optional;

/** One page of the request log, newest first, and the cursor of the next (older) page if there is one. */
public record RequestLogPage(List<RequestLogEntry> entries, Optional<String> nextCursor) {
}
