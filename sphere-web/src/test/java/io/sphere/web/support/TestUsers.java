package io.sphere.web.support;

import jakarta.enterprise.context.ApplicationScoped;

import io.sphere.core.user.UserService;

/** Creates the people a test needs through the real user service. */
@ApplicationScoped
public class TestUsers {

    public static final String ADMIN = "admin@example.com";
    public static final String OPERATOR = "olga@example.com";
    public static final String PASSWORD = "Correct-Horse-Battery-42";

    private final UserService users;

    TestUsers(UserService users) {
        this.users = users;
    }

    public void superuserAndOperator() {
        users.createSuperuser(ADMIN, PASSWORD, false);
        users.createUser(OPERATOR, "Olga", PASSWORD);
    }
}
