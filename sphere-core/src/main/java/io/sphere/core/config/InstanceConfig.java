package io.sphere.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Identity of one installation among several on the same server (S12). */
@ConfigMapping(prefix = "sphere.instance")
public interface InstanceConfig {

    /**
     * Short name of the installation; prefixes its broker exchanges and queues so that several installations
     * can share one RabbitMQ without seeing each other's messages.
     */
    @WithDefault("sphere")
    String name();
}
