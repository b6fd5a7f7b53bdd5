package io.sphere.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeRedirectTest {

    @Test
    void keepsOnlyValidPathsOnThisSite() {
        assertThat(SafeRedirect.keep("/tasks?tab=groups&sort=due")).isEqualTo("/tasks?tab=groups&sort=due");
        assertThat(SafeRedirect.keep("/cards/REQ-1")).isEqualTo("/cards/REQ-1");
        for (String bad : new String[]{null, "", " ", "https://evil.example/", "//evil.example/x", "/\\evil",
                "/tasks\\..\\x", "/tasks x", "/tasks?q=%zz", "/login?next=/", "/tasks\n/x", "tasks"}) {
            assertThat(SafeRedirect.keep(bad)).as("%s", bad).isNull();
        }
    }

    @Test
    void withinFallsBackOutsideItsPrefix() {
        assertThat(SafeRedirect.within("/tasks?tab=mine", "/tasks", "/tasks/7")).isEqualTo("/tasks?tab=mine");
        assertThat(SafeRedirect.within("/cards/REQ-1", "/tasks", "/tasks/7")).isEqualTo("/tasks/7");
        assertThat(SafeRedirect.within("/tasks x", "/tasks", "/tasks/7")).isEqualTo("/tasks/7");
    }
}
