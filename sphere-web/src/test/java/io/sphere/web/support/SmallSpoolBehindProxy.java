package io.sphere.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A broker the test can cut, and a spool so small that an outage fills it within a few requests. */
public class SmallSpoolBehindProxy implements QuarkusTestResourceLifecycleManager {

    private static TcpProxy proxy;

    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        try {
            proxy = new TcpProxy(5672);
            Path spool = Files.createTempDirectory("sphere-small-spool");
            return Map.of("sphere.broker.port", String.valueOf(proxy.port()), "sphere.instance.name",
                    "sphere-test-web-small-spool", "sphere.request-log.spool-dir", spool.toString(),
                    "sphere.request-log.spool-max-bytes", "4000", "sphere.request-log.max-reconnect-delay", "PT1S");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
