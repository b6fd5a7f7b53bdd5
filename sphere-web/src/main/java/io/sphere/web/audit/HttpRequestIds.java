package io.sphere.web.audit;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.sphere.core.audit.RequestIdSource;
import io.sphere.web.requestlog.RequestRecorder;
import io.vertx.ext.web.RoutingContext;

/** The request id that {@link RequestRecorder} gave the current request, so core can put it in audit events. */
@ApplicationScoped
class HttpRequestIds implements RequestIdSource {

    private final CurrentVertxRequest request;

    HttpRequestIds(CurrentVertxRequest request) {
        this.request = request;
    }

    @Override
    public Optional<UUID> current() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        RoutingContext rc = request.getCurrent();
        Object id = rc == null ? null : rc.get(RequestRecorder.REQUEST_ID);
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
