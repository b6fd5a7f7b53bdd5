package io.sphere.web.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.api.ApiWorld;
import io.sphere.web.support.WebClient;

/**
 * Who may open administration: nobody without ADMINISTER on some type (403 on every page and every form, nothing
 * changed), a type's administrator only that type (another type is 404 or 403 like everywhere), the superuser
 * everything. The ADMINISTER column of the permission matrix is tested both ways, through the pages and the API.
 */
@QuarkusTest
class AdminAccessTest {

    @Inject
    ApiWorld world;

    @Inject
    CardTypeService types;

    @Inject
    PermissionService permissions;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
    }

    @Test
    void peopleWhoAdministerNothingGetNoAdministrationAtAll() {
        WebClient olga = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        assertThat(olga.get("/").asString()).doesNotContain("id=\"nav-admin\"");
        for (String path : List.of("/admin", "/admin/card-types", "/admin/card-types/new", "/admin/card-types/import",
                "/admin/card-types/REQ", "/admin/card-types/REQ/permissions", "/admin/card-types/REQ/export",
                "/admin/users", "/admin/users/" + world.viewer.userId(), "/admin/groups",
                "/admin/groups/" + world.operators.id())) {
            assertThat(olga.get(path).statusCode()).as(path).isEqualTo(403);
        }
        long before = TestDatabase.count("SELECT count(*) FROM card_type_version");
        Map<String, String> form = CardTypeAdminPageTest.complaintForm();
        for (String path : List.of("/admin/card-types/new", "/admin/card-types/REQ",
                "/admin/card-types/REQ/permissions", "/admin/users", "/admin/users/" + world.viewer.userId()
                        + "/deactivate",
                "/admin/users/" + world.viewer.userId() + "/password",
                "/admin/users/" + world.viewer.userId() + "/groups",
                "/admin/users/" + world.viewer.userId() + "/name",
                "/admin/users/" + world.viewer.userId() + "/reactivate", "/admin/groups",
                "/admin/groups/" + world.operators.id(),
                "/admin/groups/" + world.operators.id() + "/members",
                "/admin/groups/" + world.operators.id() + "/members/" + world.operator.userId() + "/remove")) {
            Response r = olga.post(path, Map.of("name", "Hijack", "email", "x@example.com", "password",
                    "Another-Long-Password-9", "g" + world.operators.id() + ".ADMINISTER", "on"));
            assertThat(r.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(CardTypeAdminPageTest.send(olga, "/admin/card-types/new", form).statusCode()).isEqualTo(403);
        assertThat(TestDatabase.count("SELECT count(*) FROM card_type_version")).isEqualTo(before);
        assertThat(TestDatabase.count("SELECT count(*) FROM card_type_permission WHERE action = 'ADMINISTER'"))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user WHERE active")).isEqualTo(3);
        assertThat(TestDatabase.count("SELECT count(*) FROM group_member")).isEqualTo(2);
    }

    @Test
    void theAdministerColumnOpensTheTypeThroughPagesAndApiAndClosingItShutsThemAgain() {
        WebClient root = new WebClient().loggedInAs("root@example.com", ApiWorld.PASSWORD);
        String matrix = root.get("/admin/card-types/REQ/permissions").asString();
        assertThat(matrix).contains("id=\"g" + world.operators.id() + "-VIEW\"").contains("Administer");
        Response saved = root.post("/admin/card-types/REQ/permissions", Map.of(
                "g" + world.operators.id() + ".VIEW", "on", "g" + world.operators.id() + ".ADMINISTER", "on",
                "g" + world.viewers.id() + ".VIEW", "on", "g999999.ADMINISTER", "on"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(permissions.matrixOf(world.requests.id())).containsEntry(world.operators.id(),
                EnumSet.of(Action.VIEW, Action.ADMINISTER)).containsEntry(world.viewers.id(), Set.of(Action.VIEW))
                .doesNotContainKey(999999L);
        assertThat(root.get("/admin/card-types/REQ/permissions?saved=1").asString())
                .contains("id=\"g" + world.operators.id() + "-ADMINISTER\" name=\"g" + world.operators.id()
                        + ".ADMINISTER\"")
                .contains("Permissions saved.");

        WebClient olga = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        assertThat(olga.get("/").asString()).contains("id=\"nav-admin\"");
        assertThat(olga.get("/admin").statusCode()).isEqualTo(200);
        assertThat(olga.get("/admin").asString()).doesNotContain("id=\"admin-users\"")
                .doesNotContain("id=\"admin-audit-status\"").doesNotContain("id=\"admin-jobs\"")
                .contains("id=\"admin-audit\" href=\"/admin/audit\"");
        assertThat(olga.get("/admin/audit").statusCode()).isEqualTo(200);
        assertThat(root.get("/admin").asString()).contains("id=\"admin-audit-status\" href=\"/admin/audit/status\"")
                .contains("id=\"admin-jobs\" href=\"/jobs\"");
        String list = olga.get("/admin/card-types").asString();
        assertThat(list).contains("id=\"type-REQ\"").doesNotContain("id=\"type-SEC\"")
                .doesNotContain("id=\"new-type\"");
        assertThat(olga.get("/admin/card-types/REQ").statusCode()).isEqualTo(200);
        assertThat(olga.get("/admin/card-types/REQ/permissions").statusCode()).isEqualTo(200);
        assertThat(olga.get("/admin/card-types/REQ/export").statusCode()).isEqualTo(200);
        assertThat(olga.get("/admin/card-types/SEC").statusCode()).isEqualTo(404);
        assertThat(olga.get("/admin/card-types/SEC/permissions").statusCode()).isEqualTo(404);
        assertThat(olga.get("/admin/card-types/new").statusCode()).isEqualTo(403);
        assertThat(olga.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(olga.get("/admin/groups").statusCode()).isEqualTo(403);
        olga.get("/admin/card-types");
        for (String path : List.of("/admin/users", "/admin/users/" + world.viewer.userId() + "/deactivate",
                "/admin/groups", "/admin/groups/" + world.operators.id() + "/members",
                "/admin/card-types/SEC/permissions")) {
            Response r = olga.post(path, Map.of("email", "olga@example.com", "displayName", "Mallory", "name",
                    "Mine", "password", "Another-Long-Password-9", "g" + world.operators.id() + ".VIEW", "on"));
            assertThat(r.statusCode()).as(path).isIn(403, 404);
        }
        assertThat(permissions.matrixOf(world.secrets.id())).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user")).isEqualTo(3);
        assertThat(TestDatabase.count("SELECT count(*) FROM user_group")).isEqualTo(2);

        var current = types.findByKey("REQ").orElseThrow();
        olga.get("/admin/card-types/REQ");
        Map<String, String> form = CardTypeAdminPageTest.editorFormOf(current);
        form.put("name", "Request, edited by its administrator");
        assertThat(CardTypeAdminPageTest.send(olga, "/admin/card-types/REQ", form).statusCode()).isEqualTo(303);
        assertThat(types.findByKey("REQ").orElseThrow().name()).isEqualTo("Request, edited by its administrator");

        String token = world.token(world.operator);
        long version = types.findByKey("REQ").orElseThrow().version();
        Response api = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("version", version, "name", "Via the API", "description", "",
                        "definition", current.definition()))
                .put("/api/v1/card-types/REQ");
        assertThat(api.statusCode()).as(api.asString()).isEqualTo(200);
        assertThat(api.<String>path("name")).isEqualTo("Via the API");

        // the superuser takes ADMINISTER away again: pages and API refuse at once
        root.get("/admin/card-types/REQ/permissions");
        root.post("/admin/card-types/REQ/permissions", Map.of("g" + world.operators.id() + ".VIEW", "on"));
        assertThat(olga.get("/admin").statusCode()).isEqualTo(403);
        assertThat(olga.get("/admin/card-types/REQ").statusCode()).isEqualTo(403);
        assertThat(CardTypeAdminPageTest.send(olga, "/admin/card-types/REQ", form).statusCode()).isEqualTo(403);
        long now = types.findByKey("REQ").orElseThrow().version();
        Response denied = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("version", now, "name", "Refused", "definition", current.definition()))
                .put("/api/v1/card-types/REQ");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        Response hidden = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("version", 0, "name", "Refused", "definition", current.definition()))
                .put("/api/v1/card-types/SEC");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(types.findByKey("REQ").orElseThrow().name()).isEqualTo("Via the API");
    }
}
