package io.sphere.web.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.CidrAddressConverter;
import io.quarkus.runtime.configuration.InetSocketAddressConverter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The trusted proxies are addresses, so that no request waits for a DNS lookup. Quarkus reads an entry that is not a
 * CIDR range with its socket-address converter, and an entry that converter leaves unresolved becomes a host name
 * looked up through DNS for every request: a bare {@code ::1} is host {@code ":"} port 1. On a machine whose DNS does
 * not answer, about one keep-alive request in twelve waited the lookup's 5-second timeout before it was served.
 */
@QuarkusTest
class TrustedProxiesTest {

    private static final Pattern CIDR = Pattern.compile(".+/\\d+");

    @TestHTTPResource("/q/health/live")
    URL health;

    @Test
    void everyTrustedProxyIsAnAddressOrARangeNotAName() {
        List<String> proxies = ConfigProvider.getConfig().getValues("quarkus.http.proxy.trusted-proxies", String.class);
        assertThat(proxies).isNotEmpty().allSatisfy(p -> assertThat(readAsHostName(p)).as(p).isFalse());
        // the check itself: the spelling that caused the stalls is caught
        assertThat(readAsHostName("::1")).isTrue();
        assertThat(readAsHostName("proxy.example.com")).isTrue();
    }

    @Test
    void parallelKeepAliveRequestsAreNotHeldBack() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(health.toString())).timeout(Duration.ofSeconds(30))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Long>>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                clients.add(pool.submit(() -> {
                    List<Long> millis = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        long t0 = System.nanoTime();
                        assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
                                .isEqualTo(200);
                        millis.add((System.nanoTime() - t0) / 1_000_000);
                    }
                    return millis;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : clients) {
                all.addAll(f.get());
            }
            // a hang detector, not a speed claim: a health check answered in seconds was held back by something
            assertThat(all).hasSize(240).allSatisfy(ms -> assertThat(ms).isLessThan(2_000));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Quarkus's own reading of one {@code trusted-proxies} entry: true when it would be looked up by name. */
    private static boolean readAsHostName(String entry) {
        if (CIDR.matcher(entry).matches()) {
            new CidrAddressConverter().convert(entry);
            return false;
        }
        var address = new InetSocketAddressConverter().convert(entry);
        return address.isUnresolved() || address.getAddress() == null;
    }
}
