package io.sphere.web.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.sphere.core.messaging.Broker;
import io.sphere.core.requestlog.RequestLogEntry;
import io.sphere.web.support.QueueReader;

/** A client that is not a trusted proxy cannot choose the address the request log records for it. */
@QuarkusTest
@TestProfile(UntrustedProxyTest.OnlyAnotherProxyIsTrusted.class)
class UntrustedProxyTest {

    public static class OnlyAnotherProxyIsTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.10", "sphere.instance.name",
                    "sphere-test-web-untrusted");
        }
    }

    @Inject
    Broker broker;

    @Inject
    RequestLogPublisher publisher;

    @Test
    void forgedXForwardedForIsIgnored() {
        await().atMost(Duration.ofSeconds(20)).until(() -> publisher.status().connected());
        String queue = broker.topology().requestLogQueue();
        QueueReader.purge(queue);
        String id = RestAssured.given().redirects().follow(false).header("X-Forwarded-For", "203.0.113.7")
                .get("/login").header("X-Request-Id");
        Map<UUID, RequestLogEntry> seen = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            QueueReader.drain(queue).forEach(e -> seen.put(e.requestId(), e));
            assertThat(seen).containsKey(UUID.fromString(id));
        });
        assertThat(seen.get(UUID.fromString(id)).clientIp()).isEqualTo("127.0.0.1");
    }
}
