package io.sphere.core.audit;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** Outside the web no request causes a change. */
@DefaultBean
@ApplicationScoped
class NoRequestIds implements RequestIdSource {

    @Override
    public Optional<UUID> current() {
        return Optional.empty();
    }
}
