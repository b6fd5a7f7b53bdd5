package io.sphere.worker.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.sphere.worker.messaging.BatchConsumer.Status;

/** Ready only while events actually flow from the queue into the database. */
@Readiness
@ApplicationScoped
class AuditConsumerHealth implements HealthCheck {

    static final String NAME = "audit consumer";

    private final AuditWorker worker;

    AuditConsumerHealth(AuditWorker worker) {
        this.worker = worker;
    }

    @Override
    public HealthCheckResponse call() {
        Status status = worker.status();
        return HealthCheckResponse.named(NAME).status(status.up()).withData("state", status.state().name())
                .withData("reason", status.reason()).build();
    }
}
