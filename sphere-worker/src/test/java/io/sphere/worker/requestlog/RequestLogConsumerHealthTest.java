package io.sphere.worker.requestlog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What supervisor, monitoring and operators see over HTTP. */
@QuarkusTest
class RequestLogConsumerHealthTest {

    @Test
    void readinessIsUpWhileTheConsumerRuns() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.findAll { it.name == '" + RequestLogConsumerHealth.NAME + "' }.status", hasItem("UP")));
    }

    @Test
    void metricsExposeTheRequestLogCounters() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("sphere_requestlog_stored_total"))
                .body(containsString("sphere_requestlog_duplicates_total"))
                .body(containsString("sphere_requestlog_dead_lettered_total"))
                .body(containsString("sphere_requestlog_in_hand"));
    }
}
