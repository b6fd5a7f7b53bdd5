package io.sphere.web.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.sphere.core.schema.SchemaService;

/**
 * Refuses to serve in production without the secrets every web node must share, or against a schema that does not
 * match the code. The operator gets one line naming what to fix, not a stack trace.
 */
@Singleton
class StartupGuard {

    private static final Logger LOG = Logger.getLogger(StartupGuard.class);
    static final List<String> REQUIRED_SECRETS = List.of("sphere.session.key",
            "sphere.csrf.key");
    static final int MIN_SECRET_LENGTH = 32;

    private final SchemaService schema;

    StartupGuard(SchemaService schema) {
        this.schema = schema;
    }

    void check(@Observes @Priority(1) StartupEvent event) {
        List<String> problems = new ArrayList<>();
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            for (String key : REQUIRED_SECRETS) {
                Optional<String> value = ConfigProvider.getConfig().getOptionalValue(key, String.class);
                if (value.isEmpty() || value.get().isBlank()) {
                    problems.add("Missing secret " + key + ": set it in the file named by SPHERE_CONFIG (the same"
                            + " value on every web node), e.g. " + key + "=$(openssl rand -base64 48)");
                } else if (value.get().length() < MIN_SECRET_LENGTH) {
                    problems.add("Secret " + key + " is shorter than " + MIN_SECRET_LENGTH + " characters");
                }
            }
        }
        try {
            schema.requireCurrent();
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> LOG.error("sphere-web cannot start: " + p));
            // exit code 78 (EX_CONFIG): supervisor and systemd show a configuration problem, not a crash
            Quarkus.asyncExit(78);
        }
    }
}
