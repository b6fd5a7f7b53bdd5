package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** The state most command tests start from: an up-to-date, empty database with one superuser to act as. */
final class CliFixtures {

    /** Set by surefire in sphere-cli/pom.xml. */
    static final String PASSWORD_ENV = "SPHERE_TEST_PASSWORD";

    private CliFixtures() {
    }

    static void superuser(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("create-superuser", "root@example.com", "--password-env",
                PASSWORD_ENV);
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
    }

    static void demo(QuarkusMainLauncher launcher, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "demo";
        System.arraycopy(args, 0, all, 1, args.length);
        LaunchResult result = launcher.launch(all);
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
    }
}
