package io.sphere.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the web's broker connection at a {@link TcpProxy} that the test can cut. */
public class BrokerBehindProxy implements QuarkusTestResourceLifecycleManager {

    private static TcpProxy proxy;

    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        try {
            proxy = new TcpProxy(5672);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("sphere.broker.port", String.valueOf(proxy.port()), "sphere.instance.name",
                "sphere-test-web-outage", "sphere.request-log.spool-dir", "target/spool-outage",
                "sphere.request-log.max-reconnect-delay", "PT1S");
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException ignored) {
            // the test is over
        }
    }
}
