package io.sphere.web.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * {@code sphere.request-log.enabled=false}, the switch the benchmark (bench/run.sh, measurement 3) compares against:
 * requests are still served and still get their request id, but nothing is recorded, buffered, spooled or sent, and
 * the publisher never connects to the broker.
 */
@QuarkusTest
@TestProfile(RequestLogDisabledTest.LoggingOff.class)
class RequestLogDisabledTest {

    public static class LoggingOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sphere.request-log.enabled", "false", "sphere.instance.name", "sphere-test-web-nolog");
        }
    }

    @Inject
    RequestLogPublisher publisher;

    @Test
    void requestsAreServedWithAnIdButNothingIsRecorded() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            Response r = RestAssured.given().redirects().follow(false).get("/login?n=" + i);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.header(RequestRecorder.HEADER)).isNotBlank();
        }
        // Entries are handed over when the response ends; give a recorder that wrongly ran the time to do so.
        Thread.sleep(500);
        RequestLogPublisher.Status status = publisher.status();
        assertThat(status.connected()).isFalse();
        assertThat(status.buffered()).isZero();
        assertThat(status.spooled()).isZero();
        assertThat(status.published()).isZero();
        assertThat(status.dropped()).isZero();
    }
}
