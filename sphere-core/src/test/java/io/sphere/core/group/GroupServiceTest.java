package io.sphere.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.user.UserRef;

@QuarkusTest
class GroupServiceTest {

    @Inject
    Fixtures fixtures;
    @Inject
    GroupService groups;

    Actor root;
    Actor alice;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        root = fixtures.superuser();
        alice = fixtures.user("alice");
    }

    @Test
    void superuserManagesGroupsAndMembers() {
        GroupView support = groups.create(root, " Support ", "First line");
        assertThat(support.name()).isEqualTo("Support");
        GroupView billing = groups.create(root, "Billing", "");
        groups.addMember(root, support.id(), alice.userId());
        groups.addMember(root, support.id(), alice.userId());
        assertThat(groups.members(root, support.id())).extracting(UserRef::email).containsExactly("alice@example.com");
        assertThat(groups.groupsOf(alice.userId())).containsExactly(support.id());
        groups.setGroupsOf(root, alice.userId(), Set.of(billing.id()));
        assertThat(groups.groupsOf(alice.userId())).containsExactly(billing.id());
        assertThat(groups.list(root)).extracting(GroupView::name, GroupView::memberCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Billing", 1L),
                        org.assertj.core.groups.Tuple.tuple("Support", 0L));
        groups.removeMember(root, billing.id(), alice.userId());
        assertThat(groups.groupsOf(alice.userId())).isEmpty();
        assertThat(groups.rename(root, billing.id(), "Finance", "Money").name()).isEqualTo("Finance");
    }

    @Test
    void refusesDuplicatesBadNamesUnknownIdsAndNonSuperusers() {
        groups.create(root, "Support", "");
        assertThat(code(() -> groups.create(root, "SUPPORT", ""))).isEqualTo(ErrorCode.GROUP_EXISTS);
        assertThat(code(() -> groups.create(root, "  ", ""))).isEqualTo(ErrorCode.GROUP_NAME_INVALID);
        assertThat(code(() -> groups.create(root, "x".repeat(101), ""))).isEqualTo(ErrorCode.GROUP_NAME_INVALID);
        assertThat(code(() -> groups.addMember(root, 999_999L, alice.userId()))).isEqualTo(ErrorCode.GROUP_NOT_FOUND);
        GroupView g = groups.list(root).get(0);
        assertThat(code(() -> groups.addMember(root, g.id(), 999_999L))).isEqualTo(ErrorCode.USER_NOT_FOUND);
        assertThat(code(() -> groups.create(alice, "Mine", ""))).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(code(() -> groups.addMember(alice, g.id(), alice.userId()))).isEqualTo(ErrorCode.ACCESS_DENIED);
    }

    private static ErrorCode code(Runnable r) {
        SphereException e = catchThrowableOfType(SphereException.class, r::run);
        assertThat(e).as("expected a refusal").isNotNull();
        return e.code();
    }
}
