package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.sphere.core.testing.TestDatabase;

@QuarkusMainTest
class DemoTest {

    @BeforeEach
    void emptyDatabase() {
        TestSchema.migrate();
        TestDatabase.clean();
    }

    @Test
    void loadsTheRequestTypeWithCardsOnceAndAddsNothingTheSecondTime(QuarkusMainLauncher launcher) {
        CliFixtures.superuser(launcher);

        LaunchResult first = launcher.launch("demo");

        assertThat(first.exitCode()).as(first.getErrorOutput()).isZero();
        assertThat(first.getOutput()).startsWith(
                "Demo loaded: card type REQ with 36 cards; groups Operators and Managers.\n"
                        + "Demo user operator@example.com created; password (shown only now): demo-")
                .contains("Demo user manager@example.com created; password (shown only now): demo-");
        List<String> expectedKeys = IntStream.rangeClosed(1, 36).mapToObj(n -> "REQ-" + n).toList();
        assertThat(keys()).containsExactlyInAnyOrderElementsOf(expectedKeys);
        assertThat(TestDatabase.count("SELECT count(DISTINCT stage) FROM card")).isEqualTo(4);
        assertThat(TestDatabase.count("SELECT count(DISTINCT priority) FROM card")).isEqualTo(4);
        assertThat(TestDatabase.count("SELECT count(*) FROM card WHERE title ~ '[А-Яа-я]'")).isEqualTo(18);
        assertThat(TestDatabase.count("SELECT count(*) FROM user_group WHERE name IN ('Operators', 'Managers')"))
                .isEqualTo(2);

        LaunchResult second = launcher.launch("demo", "--cards", "50");

        assertThat(second.exitCode()).isZero();
        assertThat(second.getOutput())
                .isEqualTo("The demo is already loaded (card type REQ exists); nothing was added.");
        assertThat(TestDatabase.count("SELECT count(*) FROM card")).isEqualTo(36);
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user")).isEqualTo(3);
        assertThat(TestDatabase.count("SELECT count(*) FROM card_type")).isEqualTo(1);
    }

    @Test
    void givesTheDemoUsersThePasswordFromTheNamedVariableWithoutPrintingIt(QuarkusMainLauncher launcher) {
        CliFixtures.superuser(launcher);

        LaunchResult result = launcher.launch("demo", "--cards", "6", "--password-env", CliFixtures.PASSWORD_ENV);

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).isEqualTo("Demo loaded: card type REQ with 6 cards; groups Operators and "
                + "Managers.\nDemo user operator@example.com created with the password from SPHERE_TEST_PASSWORD.\n"
                + "Demo user manager@example.com created with the password from SPHERE_TEST_PASSWORD.");
        assertThat(TestDatabase.count("SELECT count(*) FROM card")).isEqualTo(6);
    }

    @Test
    void withoutASuperuserLoadsNothing(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("demo");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).isEqualTo(
                "There is no active superuser to act as; create one first: sphere-cli create-superuser EMAIL");
        assertThat(TestDatabase.count("SELECT count(*) FROM card_type")).isZero();
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (var c = TestDatabase.connect();
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT key FROM card")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }
}
