package io.sphere.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.user.UserService;

@QuarkusTest
class DemoServiceTest {

    @Inject
    Fixtures fixtures;
    @Inject
    DemoService demo;
    @Inject
    UserService users;

    Actor root;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        root = fixtures.superuser();
    }

    @Test
    void loadsOnceAndTheSecondRunAddsNothing() {
        DemoResult first = demo.load(root, 12, Optional.empty());

        assertThat(first.alreadyLoaded()).isFalse();
        assertThat(first.users()).extracting(DemoResult.NewUser::email)
                .containsExactly(DemoData.OPERATOR_EMAIL, DemoData.MANAGER_EMAIL);
        assertThat(TestDatabase.count("SELECT count(*) FROM card WHERE key LIKE 'REQ-%'")).isEqualTo(12);
        assertThat(TestDatabase.count("SELECT count(*) FROM card WHERE stage = 'done' AND closed_at IS NOT NULL"))
                .isEqualTo(2);

        DemoResult second = demo.load(root, 12, Optional.empty());

        assertThat(second.alreadyLoaded()).isTrue();
        assertThat(second.users()).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM card")).isEqualTo(12);
    }

    @Test
    void keepsTheAccountsAndGroupsThatAlreadyExist() {
        fixtures.group(root, DemoData.OPERATORS);
        users.createUser(DemoData.OPERATOR_EMAIL, "Existing", Fixtures.PASSWORD);

        DemoResult result = demo.load(root, 0, Optional.empty());

        assertThat(result.users()).extracting(DemoResult.NewUser::email).containsExactly(DemoData.MANAGER_EMAIL);
        assertThat(TestDatabase.count("SELECT count(*) FROM user_group")).isEqualTo(2);
    }

    @Test
    void needsASuperuser() {
        SphereException refusal = catchThrowableOfType(SphereException.class,
                () -> demo.load(fixtures.user("olga"), 1, Optional.empty()));

        assertThat(refusal.code()).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(TestDatabase.count("SELECT count(*) FROM card_type")).isZero();
    }
}
