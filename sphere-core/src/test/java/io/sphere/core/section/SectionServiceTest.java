package io.sphere.core.section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;

class SectionServiceTest {

    private final Actor operator = new Actor(2, "olga@example.com", false);
    private final Actor typeAdministrator = new Actor(3, "tanya@example.com", false);
    private final SectionService sections = new SectionService(a -> a.equals(typeAdministrator));
    private final Actor superuser = new Actor(1, "admin@example.com", true);

    @Test
    void superuserOpensEverySection() {
        assertThat(sections.visibleTo(superuser)).containsExactly(Section.values());
    }

    @Test
    void operatorOpensHomeCardsAndTasksButNotTheRequestLog() {
        assertThat(sections.visibleTo(operator)).containsExactly(Section.HOME, Section.CARDS, Section.TASKS);
        assertThatThrownBy(() -> sections.requireOpen(operator, Section.REQUEST_LOG))
                .isInstanceOfSatisfying(SphereException.class, e -> assertThat(e.code()).isEqualTo(
                        ErrorCode.ACCESS_DENIED));
    }

    @Test
    void administrationOpensToWhoeverAdministersACardType() {
        assertThat(sections.mayOpen(typeAdministrator, Section.ADMIN)).isTrue();
        assertThat(sections.mayOpen(superuser, Section.ADMIN)).isTrue();
        assertThat(sections.mayOpen(operator, Section.ADMIN)).isFalse();
        assertThatThrownBy(() -> sections.requireOpen(operator, Section.ADMIN))
                .isInstanceOfSatisfying(SphereException.class, e -> assertThat(e.code()).isEqualTo(
                        ErrorCode.ACCESS_DENIED));
    }
}
