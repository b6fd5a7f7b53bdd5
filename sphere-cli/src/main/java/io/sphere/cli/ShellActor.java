package io.sphere.cli;

import java.util.Map;

import jakarta.inject.Singleton;

import io.sphere.core.security.Actor;
import io.sphere.core.user.UserService;
import io.sphere.core.user.UserView;

/**
 * Who the operator at the shell acts as. Whoever can run sphere-cli can read the installation's database
 * password, so they are trusted like a superuser; core still needs a real account to attribute changes to, and
 * takes the oldest active superuser.
 */
@Singleton
class ShellActor {

    private final UserService users;

    ShellActor(UserService users) {
        this.users = users;
    }

    Actor get() {
        UserView user = users.oldestActiveSuperuser()
                .orElseThrow(() -> new CliFailure("cli.no-superuser", Map.of()));
        return new Actor(user.id(), user.email(), true);
    }
}
