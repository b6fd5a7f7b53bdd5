package io.sphere.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;
import io.sphere.core.security.LoginResult;
import io.sphere.core.security.SessionService;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;

@QuarkusTest
class UserAdminServiceTest {

    @Inject
    Fixtures fixtures;
    @Inject
    UserAdminService admin;
    @Inject
    SessionService sessions;

    Actor root;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        root = fixtures.superuser();
    }

    @Test
    void deactivatingEndsSessionsAndStopsLogins() {
        Actor alice = fixtures.user("alice");
        LoginResult.Success login = (LoginResult.Success) sessions.login("alice@example.com", Fixtures.PASSWORD,
                "127.0.0.1", "test");
        assertThat(sessions.resolve(login.token())).isPresent();
        assertThat(admin.deactivate(root, alice.userId()).active()).isFalse();
        assertThat(sessions.resolve(login.token())).isEmpty();
        assertThat(sessions.login("alice@example.com", Fixtures.PASSWORD, null, null))
                .isInstanceOf(LoginResult.Failure.class);
        admin.activate(root, alice.userId());
        assertThat(sessions.login("alice@example.com", Fixtures.PASSWORD, null, null))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(code(() -> admin.deactivate(root, root.userId()))).isEqualTo(ErrorCode.USER_SELF_DEACTIVATION);
    }

    @Test
    void resetsPasswordsRenamesListsAndCreates() {
        Actor alice = fixtures.user("alice");
        LoginResult.Success login = (LoginResult.Success) sessions.login("alice@example.com", Fixtures.PASSWORD,
                null, null);
        admin.resetPassword(root, alice.userId(), "Another-Quiet-Meadow-77");
        assertThat(sessions.resolve(login.token())).isEmpty();
        assertThat(sessions.login("alice@example.com", "Another-Quiet-Meadow-77", null, null))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(code(() -> admin.resetPassword(root, alice.userId(), "short"))).isEqualTo(
                ErrorCode.PASSWORD_TOO_SHORT);
        assertThat(admin.rename(root, alice.userId(), " Alice A. ").displayName()).isEqualTo("Alice A.");
        assertThat(code(() -> admin.rename(root, alice.userId(), " "))).isEqualTo(ErrorCode.DISPLAY_NAME_INVALID);
        admin.create(root, "bob@example.com", "Bob", Fixtures.PASSWORD);
        UserPage page = admin.list(root, "", 0, 2);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.users()).extracting(UserView::email).containsExactly("alice@example.com", "bob@example.com");
        assertThat(admin.list(root, "BOB", 0, 10).users()).extracting(UserView::email)
                .containsExactly("bob@example.com");
        assertThat(code(() -> admin.list(alice, "", 0, 10))).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(code(() -> admin.deactivate(alice, root.userId()))).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(code(() -> admin.get(root, 999_999L))).isEqualTo(ErrorCode.USER_NOT_FOUND);
    }

    private static ErrorCode code(Runnable r) {
        SphereException e = catchThrowableOfType(SphereException.class, r::run);
        assertThat(e).as("expected a refusal").isNotNull();
        return e.code();
    }
}
