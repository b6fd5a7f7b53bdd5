package io.sphere.core.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.testing.TestDatabase;

@QuarkusTest
class RequestLogStoreTest {

    @Inject
    RequestLogStore store;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
    }

    @Test
    void aBatchOfEveryStatementSizeStoresEachEntryOnceWithAllItsValues() {
        // 64 + 8 + 3 × 1 rows: every statement size the store writes with; one entry comes twice in the batch
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<RequestLogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 74; i++) {
            entries.add(entry(UUID.randomUUID(), at.plusMillis(i), i));
        }
        entries.add(entries.get(70));

        assertThat(store.store(entries)).isEqualTo(74);
        assertThat(TestDatabase.count("SELECT count(*) FROM request_log")).isEqualTo(74);
        assertThat(store.store(entries)).as("a redelivery is a no-op").isZero();

        RequestLogEntry last = entries.get(73);
        assertThat(TestDatabase.count("""
                SELECT count(*) FROM request_log
                 WHERE request_id = ? AND logged_at = ? AND user_id IS NULL AND user_email IS NULL
                   AND client_ip = '10.0.0.73' AND method = 'POST' AND path = '/api/v1/cards/73' AND query = 'q=73'
                   AND status = 201 AND duration_micros = 73073 AND response_bytes = 730 AND user_agent = 'agent 73'""",
                last.requestId(), java.sql.Timestamp.from(last.loggedAt()))).isEqualTo(1);
        assertThat(
                TestDatabase.count("SELECT count(*) FROM request_log WHERE user_id = 1 AND path = '/api/v1/cards/0'"))
                .isEqualTo(1);
    }

    private static RequestLogEntry entry(UUID id, Instant at, int i) {
        return new RequestLogEntry(RequestLogEntry.SCHEMA, id, at, i % 2 == 0 ? Long.valueOf(1) : null,
                i % 2 == 0 ? "user@example.com" : null, "10.0.0." + i, "POST", "/api/v1/cards/" + i, "q=" + i, 201,
                i * 1001L, i * 10L, "agent " + i);
    }
}
