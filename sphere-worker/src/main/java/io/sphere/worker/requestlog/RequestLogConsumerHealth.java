package io.sphere.worker.requestlog;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.sphere.worker.messaging.BatchConsumer.Status;

/** Ready only while entries actually flow from the queue into the database. */
@Readiness
@ApplicationScoped
class RequestLogConsumerHealth implements HealthCheck {

    static final String NAME = "request-log consumer";

    private final RequestLogWorker worker;

    RequestLogConsumerHealth(RequestLogWorker worker) {
        this.worker = worker;
    }

    @Override
    public HealthCheckResponse call() {
        Status status = worker.status();
        return HealthCheckResponse.named(NAME).status(status.up()).withData("state", status.state().name())
                .withData("reason", status.reason()).build();
    }
}
