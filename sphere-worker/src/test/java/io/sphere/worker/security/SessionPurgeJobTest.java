package io.sphere.worker.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.testing.TestDatabase;

@QuarkusTest
class SessionPurgeJobTest {

    @Inject
    SessionPurgeJob job;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void deletesExpiredSessionsAndKeepsLiveOnes() {
        TestDatabase.execute(
                "INSERT INTO app_user (email, display_name, password_hash) VALUES ('a@example.org', 'A', 'x')");
        TestDatabase.execute("""
                INSERT INTO user_session (token_hash, user_id, expires_at)
                SELECT '\\x01'::bytea, id, now() - interval '1 minute' FROM app_user""");
        TestDatabase.execute("""
                INSERT INTO user_session (token_hash, user_id, expires_at)
                SELECT '\\x02'::bytea, id, now() + interval '1 hour' FROM app_user""");

        job.purge();

        assertThat(TestDatabase.count("SELECT count(*) FROM user_session")).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM user_session WHERE token_hash = '\\x02'::bytea"))
                .isEqualTo(1);
    }
}
