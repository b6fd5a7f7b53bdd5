package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.sphere.core.testing.TestDatabase;

@QuarkusMainTest
class CreateSuperuserTest {

    /** Set by surefire in sphere-cli/pom.xml; a test cannot change its own JVM's environment. */
    private static final String PASSWORD_ENV = "SPHERE_TEST_PASSWORD";
    private static final String PASSWORD_FROM_ENV = "Tundra-Violet-Anchor-42";
    private static final String EMAIL = "admin@example.com";

    @BeforeEach
    void emptyDatabase() {
        TestSchema.migrate();
        TestDatabase.clean();
    }

    @AfterEach
    void backToEnglish() {
        System.clearProperty(Messages.LANG_PROPERTY);
    }

    @Test
    void createsSuperuserWithPasswordFromNamedEnvironmentVariable(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("create-superuser", "Admin@Example.com", "--password-env", PASSWORD_ENV);

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).isEqualTo("Superuser admin@example.com created.");
        assertThat(result.getErrorOutput()).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user WHERE email = ? AND superuser AND active"
                + " AND password_hash LIKE '$2%'", EMAIL)).isEqualTo(1);
        assertThat(BcryptUtil.matches(PASSWORD_FROM_ENV, passwordHash(EMAIL))).isTrue();
    }

    @Test
    void createsSuperuserWithPasswordFromFirstLineOfStdin(QuarkusMainLauncher launcher) {
        TestStdin.type("Glacier-Moth-Lantern-77");

        LaunchResult result = launcher.launch("create-superuser", EMAIL, "--password-stdin");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).isEqualTo("Superuser admin@example.com created.");
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user WHERE email = ? AND superuser", EMAIL))
                .isEqualTo(1);
        assertThat(BcryptUtil.matches("Glacier-Moth-Lantern-77", passwordHash(EMAIL))).isTrue();
    }

    @Test
    void rejectsInvalidEmail(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("create-superuser", "not-an-email", "--password-env", PASSWORD_ENV);

        assertOneLineError(result, "\"not-an-email\" is not a valid e-mail address.");
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user")).isZero();
    }

    @Test
    void rejectsExistingUserWithoutUpdatePassword(QuarkusMainLauncher launcher) {
        assertThat(launcher.launch("create-superuser", EMAIL, "--password-env", PASSWORD_ENV).exitCode()).isZero();
        String firstHash = passwordHash(EMAIL);

        LaunchResult result = launcher.launch("create-superuser", EMAIL, "--password-env", PASSWORD_ENV);

        assertOneLineError(result,
                "A user with the e-mail admin@example.com already exists; add --update-password to set a new password.");
        assertThat(passwordHash(EMAIL)).isEqualTo(firstHash);
    }

    @Test
    void updatesPasswordOfExistingUserWithUpdatePassword(QuarkusMainLauncher launcher) {
        assertThat(launcher.launch("create-superuser", EMAIL, "--password-env", PASSWORD_ENV).exitCode()).isZero();
        TestStdin.type("Orchid-Basalt-Comet-19");

        LaunchResult result = launcher.launch("create-superuser", EMAIL, "--password-stdin", "--update-password");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput())
                .isEqualTo("Password of admin@example.com updated; the account is an active superuser.");
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user WHERE superuser")).isEqualTo(1);
        assertThat(BcryptUtil.matches("Orchid-Basalt-Comet-19", passwordHash(EMAIL))).isTrue();
    }

    @Test
    void rejectsPasswordShorterThanTwelveCharacters(QuarkusMainLauncher launcher) {
        TestStdin.type("Short-pw-1");

        LaunchResult result = launcher.launch("create-superuser", EMAIL, "--password-stdin");

        assertOneLineError(result, "The password must have at least 12 characters.");
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user")).isZero();
    }

    @Test
    void rejectsCommonPassword(QuarkusMainLauncher launcher) {
        TestStdin.type("password1234");

        LaunchResult result = launcher.launch("create-superuser", EMAIL, "--password-stdin");

        assertOneLineError(result, "The password is too common or too easy to guess; choose another one.");
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user")).isZero();
    }

    @Test
    void rejectsUnsetEnvironmentVariable(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("create-superuser", EMAIL, "--password-env", "SPHERE_TEST_NOT_SET");

        assertOneLineError(result, "The environment variable SPHERE_TEST_NOT_SET is not set or is empty.");
    }

    @Test
    void withoutConsoleTellsToUsePasswordStdinOrPasswordEnv(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("create-superuser", EMAIL);

        assertOneLineError(result,
                "There is no console to ask for the password; use --password-stdin or --password-env NAME.");
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user")).isZero();
    }

    @Test
    void givingBothPasswordOptionsIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("create-superuser", EMAIL, "--password-stdin", "--password-env",
                PASSWORD_ENV);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("mutually exclusive");
    }

    @Test
    void saysErrorsInRussianWhenTheLanguageIsRussian(QuarkusMainLauncher launcher) {
        System.setProperty(Messages.LANG_PROPERTY, "ru_RU.UTF-8");
        TestStdin.type("Short-pw-1");

        LaunchResult result = launcher.launch("create-superuser", EMAIL, "--password-stdin");

        assertOneLineError(result, "Пароль должен содержать не менее 12 символов.");
    }

    private static void assertOneLineError(LaunchResult result, String message) {
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).isEqualTo(message);
        assertThat(result.getOutput()).isEmpty();
    }

    private static String passwordHash(String email) {
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE email = ?")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a user %s", email).isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
