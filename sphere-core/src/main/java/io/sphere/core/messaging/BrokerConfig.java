package io.sphere.core.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where RabbitMQ is. The password belongs in the installation's config file, not in the repository. */
@ConfigMapping(prefix = "sphere.broker")
public interface BrokerConfig {

    /** Host name or address of RabbitMQ. */
    @WithDefault("127.0.0.1")
    String host();

    /** AMQP port. */
    @WithDefault("5672")
    int port();

    /** Broker user. */
    @WithDefault("guest")
    String username();

    /** Broker password. */
    @WithDefault("guest")
    String password();

    /** Virtual host; give each installation its own when they share a broker and you want hard isolation. */
    @WithDefault("/")
    String virtualHost();

    /** How long a connection attempt may take before the broker counts as unreachable. */
    @WithDefault("PT3S")
    Duration connectTimeout();
}
