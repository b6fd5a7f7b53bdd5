package io.sphere.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.group.GroupService;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.user.UserService;
import io.sphere.web.api.ApiWorld;
import io.sphere.web.support.WebClient;

@QuarkusTest
class UserAdminPageTest {

    private static final Pattern SHOWN = Pattern.compile("<code id=\"new-password\">([^<]+)</code>");
    private static final String CHOSEN = "Quiet-Meadow-Lamp-2718";

    @Inject
    ApiWorld world;

    @Inject
    UserService userService;

    @Inject
    GroupService groups;

    private WebClient root;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
        root = new WebClient().loggedInAs("root@example.com", ApiWorld.PASSWORD);
    }

    @Test
    void createsPeopleWithAChosenOrAGeneratedPasswordShownOnce() {
        String list = root.get("/admin/users").asString();
        assertThat(list).contains("olga@example.com").contains("id=\"new-user-form\"");
        Response chosen = root.post("/admin/users", Map.of("email", "Nina@Example.com", "displayName", "Nina",
                "password", CHOSEN));
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(chosen.asString()).contains("User created.").doesNotContain("id=\"new-password\"");
        assertThat(new WebClient().login("nina@example.com", CHOSEN).statusCode()).isEqualTo(303);

        Response generated = root.post("/admin/users", Map.of("email", "pavel@example.com", "displayName",
                "Pavel <b>", "password", ""));
        assertThat(generated.statusCode()).isEqualTo(200);
        assertThat(generated.header("Cache-Control")).contains("no-store");
        assertThat(generated.asString()).contains("Pavel &lt;b&gt;");
        Matcher m = SHOWN.matcher(generated.asString());
        assertThat(m.find()).isTrue();
        String password = m.group(1);
        assertThat(new WebClient().login("pavel@example.com", password).statusCode()).isEqualTo(303);
        long pavel = userService.findByEmail("pavel@example.com").orElseThrow().id();
        assertThat(root.get("/admin/users/" + pavel).asString()).doesNotContain(password);
        assertThat(root.get("/admin/users?q=pav").asString()).contains("pavel@example.com")
                .doesNotContain("olga@example.com");
    }

    @Test
    void refusalsAreShownNextToTheirFieldWithTheInputKept() {
        root.get("/admin/users");
        Response duplicate = root.post("/admin/users", Map.of("email", "OLGA@example.com", "displayName",
                "Another Olga", "password", CHOSEN));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.asString()).contains("id=\"new-email-error\"").contains("already exists")
                .contains("value=\"Another Olga\"");

        Response weak = root.post("/admin/users", Map.of("email", "weak@example.com", "displayName", "Weak",
                "password", "password1234"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.asString()).contains("id=\"new-password-error\"").contains("too common")
                .contains("value=\"weak@example.com\"");

        Response badEmail = root.post("/admin/users", Map.of("email", "not-an-address", "displayName", "X",
                "password", CHOSEN));
        assertThat(badEmail.statusCode()).isEqualTo(422);
        assertThat(badEmail.asString()).contains("id=\"new-email-error\"");

        WebClient ru = new WebClient().language("ru").loggedInAs("root@example.com", ApiWorld.PASSWORD);
        ru.get("/admin/users");
        String russian = ru.post("/admin/users", Map.of("email", "short@example.com", "displayName", "Short",
                "password", "short")).asString();
        assertThat(russian).contains("id=\"new-password-error\"").contains("Пароль");
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user")).isEqualTo(3);
    }

    @Test
    void deactivateReactivateResetPasswordAndGroups() {
        long olga = world.operator.userId();
        WebClient olgaBrowser = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        root.get("/admin/users/" + olga);
        assertThat(root.post("/admin/users/" + olga + "/deactivate", Map.of()).statusCode()).isEqualTo(303);
        assertThat(olgaBrowser.get("/").statusCode()).isIn(302, 303);
        assertThat(new WebClient().login("olga@example.com", ApiWorld.PASSWORD).statusCode()).isNotEqualTo(303);
        assertThat(root.get("/admin/users/" + olga).asString()).contains("id=\"reactivate\"");
        assertThat(root.post("/admin/users/" + olga + "/reactivate", Map.of()).statusCode()).isEqualTo(303);
        assertThat(new WebClient().login("olga@example.com", ApiWorld.PASSWORD).statusCode()).isEqualTo(303);

        root.get("/admin/users/" + olga);
        Response weak = root.post("/admin/users/" + olga + "/password", Map.of("password", "123456789012"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.asString()).contains("id=\"reset-password-error\"");
        Response reset = root.post("/admin/users/" + olga + "/password", Map.of("password", ""));
        assertThat(reset.statusCode()).isEqualTo(200);
        Matcher m = SHOWN.matcher(reset.asString());
        assertThat(m.find()).isTrue();
        assertThat(new WebClient().login("olga@example.com", ApiWorld.PASSWORD).statusCode()).isNotEqualTo(303);
        assertThat(new WebClient().login("olga@example.com", m.group(1)).statusCode()).isEqualTo(303);

        root.get("/admin/users/" + olga);
        Response saved = root.post("/admin/users/" + olga + "/groups", Map.of("group." + world.viewers.id(), "on",
                "group.987654", "on"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(groups.groupsOf(olga)).containsExactly(world.viewers.id());
        assertThat(root.get("/admin/users/" + olga + "?groups=saved").asString()).contains("Groups saved.")
                .contains("id=\"group-" + world.viewers.id() + "\" checked");

        root.get("/admin/users/" + olga);
        assertThat(root.post("/admin/users/" + olga + "/name", Map.of("displayName", " ")).statusCode())
                .isEqualTo(422);
        assertThat(root.post("/admin/users/" + olga + "/name", Map.of("displayName", "Olga P.")).statusCode())
                .isEqualTo(303);
        assertThat(userService.find(olga).orElseThrow().displayName()).isEqualTo("Olga P.");
    }

    @Test
    void theSuperuserCannotDeactivateThemselvesAndUnknownPeopleAre404() {
        long self = world.admin.userId();
        root.get("/admin/users/" + self);
        Response refused = root.post("/admin/users/" + self + "/deactivate", Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("id=\"status-error\"").contains("You cannot deactivate yourself.");
        assertThat(root.get("/admin/users/987654").statusCode()).isEqualTo(404);
        assertThat(root.post("/admin/users/987654/deactivate", Map.of()).statusCode()).isEqualTo(404);
    }
}
