package io.sphere.core.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/** Core asks for a {@link Clock} instead of calling {@code now()}, so jobs and expiry can be tested at a boundary. */
@ApplicationScoped
class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
