package io.sphere.core.messaging;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import io.sphere.core.config.InstanceConfig;

/** Opens connections to RabbitMQ from configuration; web, worker and cli each manage their own lifecycles. */
@ApplicationScoped
public class Broker {

    private final BrokerConfig config;
    private final Topology topology;

    Broker(BrokerConfig config, InstanceConfig instance) {
        this.config = config;
        this.topology = new Topology(instance.name());
    }

    public Topology topology() {
        return topology;
    }

    /**
     * A new connection named after the process role. Automatic recovery is off: callers reconnect on their own
     * schedule with their own back-off, so there is no hidden budget that runs out.
     */
    public Connection connect(String role) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.host());
        factory.setPort(config.port());
        factory.setUsername(config.username());
        factory.setPassword(config.password());
        factory.setVirtualHost(config.virtualHost());
        factory.setConnectionTimeout((int) config.connectTimeout().toMillis());
        factory.setHandshakeTimeout((int) config.connectTimeout().toMillis());
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setRequestedHeartbeat(15);
        return factory.newConnection(topology.instance() + "-" + role);
    }

    public String describe() {
        return "amqp://" + config.username() + "@" + config.host() + ":" + config.port() + config.virtualHost();
    }
}
