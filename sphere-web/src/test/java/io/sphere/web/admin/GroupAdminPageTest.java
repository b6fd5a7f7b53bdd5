package io.sphere.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.group.GroupService;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.api.ApiWorld;
import io.sphere.web.support.WebClient;

@QuarkusTest
class GroupAdminPageTest {

    @Inject
    ApiWorld world;

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
    void createRenameAndChangeMembers() {
        assertThat(root.get("/admin/groups").asString()).contains("Operators").contains("Viewers");
        Response created = root.post("/admin/groups", Map.of("name", "Managers", "description", "Approve things"));
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String page = root.get("/admin/groups/" + id).asString();
        assertThat(page).contains("id=\"members-empty\"").contains("value=\"Approve things\"");

        assertThat(root.post("/admin/groups/" + id + "/members", Map.of("email", "victor@example.com"))
                .statusCode()).isEqualTo(303);
        assertThat(groups.isMember(world.viewer.userId(), id)).isTrue();
        assertThat(root.get("/admin/groups/" + id).asString()).contains("id=\"member-" + world.viewer.userId()
                + "\"");

        Response unknown = root.post("/admin/groups/" + id + "/members", Map.of("email", "nobody@example.com"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.asString()).contains("id=\"member-email-error\"").contains("nobody@example.com");

        assertThat(root.post("/admin/groups/" + id + "/members/" + world.viewer.userId() + "/remove", Map.of())
                .statusCode()).isEqualTo(303);
        assertThat(groups.isMember(world.viewer.userId(), id)).isFalse();

        assertThat(root.post("/admin/groups/" + id, Map.of("name", "Team leads", "description", "")).statusCode())
                .isEqualTo(303);
        assertThat(groups.get(world.admin, id).name()).isEqualTo("Team leads");
    }

    @Test
    void duplicateAndBlankNamesAreRefusedWithTheInputKept() {
        root.get("/admin/groups");
        Response duplicate = root.post("/admin/groups", Map.of("name", "Operators", "description", "again"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.asString()).contains("id=\"group-name-error\"").contains("already exists")
                .contains("value=\"again\"");
        Response blank = root.post("/admin/groups", Map.of("name", " ", "description", ""));
        assertThat(blank.statusCode()).isEqualTo(422);
        Response rename = root.post("/admin/groups/" + world.viewers.id(), Map.of("name", "Operators",
                "description", ""));
        assertThat(rename.statusCode()).isEqualTo(409);
        assertThat(rename.asString()).contains("id=\"group-name-error\"");
        assertThat(root.get("/admin/groups/987654").statusCode()).isEqualTo(404);
        assertThat(TestDatabase.count("SELECT count(*) FROM user_group")).isEqualTo(2);
    }

    @Test
    void pagesSpeakRussian() {
        WebClient ru = new WebClient().language("ru").loggedInAs("root@example.com", ApiWorld.PASSWORD);
        assertThat(ru.get("/admin/groups").asString()).contains("Новая группа");
        assertThat(ru.get("/admin").asString()).contains("Администрирование").contains("Пользователи");
        assertThat(ru.get("/").asString()).contains("id=\"nav-admin\" href=\"/admin\">Администрирование</a>")
                .contains("Типы карточек, их процессы и права");
        assertThat(root.get("/").asString()).contains("id=\"nav-admin\" href=\"/admin\">Administration</a>");
    }
}
