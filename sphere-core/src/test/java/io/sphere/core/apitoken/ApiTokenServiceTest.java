package io.sphere.core.apitoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.user.UserAdminService;

@QuarkusTest
class ApiTokenServiceTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ApiTokenService tokens;
    @Inject
    UserAdminService admin;
    @Inject
    ApiTokenConfig config;

    Actor root;
    Actor alice;
    Actor bob;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        root = fixtures.superuser();
        alice = fixtures.user("alice");
        bob = fixtures.user("bob");
    }

    @Test
    void aTokenIsShownOnceStoredHashedAndResolvesToItsOwner() {
        CreatedApiToken created = tokens.create(alice, " laptop ");
        assertThat(created.token()).startsWith("sph_").hasSize(47);
        assertThat(created.view().name()).isEqualTo("laptop");
        assertThat(TestDatabase.count("SELECT count(*) FROM api_token WHERE position(convert_to(?, 'UTF8') in"
                + " token_hash) > 0", created.token())).isZero();
        assertThat(tokens.resolve(created.token())).get().extracting(p -> p.email()).isEqualTo("alice@example.com");
        assertThat(tokens.list(alice)).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isPresent());
        assertThat(tokens.list(bob)).isEmpty();
        assertThat(tokens.resolve(created.token() + "x")).isEmpty();
        assertThat(tokens.resolve("sph_nonsense")).isEmpty();
        assertThat(tokens.resolve(null)).isEmpty();
    }

    @Test
    void onlyTheOwnerOrTheSuperuserRevokes() {
        CreatedApiToken created = tokens.create(alice, "ci");
        assertThat(catchThrowableOfType(SphereException.class, () -> tokens.revoke(bob, created.view().id())).code())
                .isEqualTo(ErrorCode.API_TOKEN_NOT_FOUND);
        assertThat(tokens.resolve(created.token())).isPresent();
        assertThat(tokens.revoke(alice, created.view().id()).active()).isFalse();
        assertThat(tokens.resolve(created.token())).isEmpty();
        CreatedApiToken other = tokens.create(alice, "other");
        tokens.revoke(root, other.view().id());
        assertThat(tokens.resolve(other.token())).isEmpty();
        assertThat(catchThrowableOfType(SphereException.class, () -> tokens.create(alice, " ")).code())
                .isEqualTo(ErrorCode.API_TOKEN_NAME_INVALID);
    }

    @Test
    void aTokenCheckedAMomentAgoStillStopsAtOnceWhenRevokedOrItsOwnerChanges() {
        CreatedApiToken created = tokens.create(alice, "ci");
        assertThat(tokens.resolve(created.token())).isPresent();
        admin.rename(root, alice.userId(), "Alice Liddell");
        assertThat(tokens.resolve(created.token())).get().extracting(p -> p.displayName())
                .isEqualTo("Alice Liddell");
        admin.deactivate(root, alice.userId());
        assertThat(tokens.resolve(created.token())).isEmpty();
        admin.activate(root, alice.userId());
        assertThat(tokens.resolve(created.token())).isPresent();
        tokens.revoke(alice, created.view().id());
        assertThat(tokens.resolve(created.token())).isEmpty();
    }

    @Test
    void aCheckedTokenIsAnsweredFromMemoryForAFewSecondsOnly() {
        CreatedApiToken created = tokens.create(alice, "ci");
        assertThat(tokens.resolve(created.token())).isPresent();
        // Revoked behind this process's back (another node, SQL): this process knows only after the cache time.
        TestDatabase.execute("UPDATE api_token SET revoked_at = now()");
        assertThat(tokens.resolve(created.token())).as("answered from memory").isPresent();
        long until = System.nanoTime() + config.cacheTtl().toNanos() + 1_000_000_000L;
        while (tokens.resolve(created.token()).isPresent()) {
            assertThat(System.nanoTime()).as("still trusted after the cache time").isLessThan(until);
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDeactivatedUsersTokensStopWorking() {
        CreatedApiToken created = tokens.create(alice, "ci");
        admin.deactivate(root, alice.userId());
        assertThat(tokens.resolve(created.token())).isEmpty();
        admin.activate(root, alice.userId());
        assertThat(tokens.resolve(created.token())).isPresent();
    }
}
