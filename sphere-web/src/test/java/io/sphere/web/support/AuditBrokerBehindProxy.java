package io.sphere.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Puts the web's broker connections, the audit relay's included, behind a {@link TcpProxy} the test can cut. */
public class AuditBrokerBehindProxy implements QuarkusTestResourceLifecycleManager {

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
                "sphere-test-web-audit-outage", "sphere.request-log.spool-dir", "target/spool-audit-outage",
                "sphere.request-log.max-reconnect-delay", "PT1S", "sphere.audit.relay.max-reconnect-delay", "PT1S",
                "sphere.audit.relay.confirm-timeout", "PT3S", "sphere.audit.relay.poll-interval", "PT0.5S");
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
