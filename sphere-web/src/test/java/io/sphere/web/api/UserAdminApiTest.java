package io.sphere.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.WebClient;

@QuarkusTest
class UserAdminApiTest {

    private static final String NEW_PASSWORD = "Silver-Canyon-Echo-5150";

    @Inject
    ApiWorld world;

    private String root;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
        root = world.token(world.admin);
    }

    @Test
    void deactivateReactivateAndResetPassword() {
        long victor = world.viewer.userId();
        String victorsToken = world.token(world.viewer);
        Response off = given().auth().oauth2(root).contentType("application/json")
                .post("/api/v1/users/" + victor + "/deactivate");
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(off.<Boolean>path("active")).isFalse();
        assertThat(given().auth().oauth2(victorsToken).get("/api/v1/cards").statusCode()).isEqualTo(401);

        Response on = given().auth().oauth2(root).contentType("application/json")
                .post("/api/v1/users/" + victor + "/reactivate");
        assertThat(on.statusCode()).isEqualTo(200);
        assertThat(on.<Boolean>path("active")).isTrue();

        Response weak = given().auth().oauth2(root).contentType("application/json")
                .body(Map.of("password", "qwertyuiopasdf")).put("/api/v1/users/" + victor + "/password");
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.contentType()).startsWith("application/problem+json");
        assertThat(weak.<String>path("errors[0].field")).isEqualTo("password");

        Response reset = given().auth().oauth2(root).contentType("application/json")
                .body(Map.of("password", NEW_PASSWORD)).put("/api/v1/users/" + victor + "/password");
        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(new WebClient().login("victor@example.com", ApiWorld.PASSWORD).statusCode()).isNotEqualTo(303);
        assertThat(new WebClient().login("victor@example.com", NEW_PASSWORD).statusCode()).isEqualTo(303);

        Response self = given().auth().oauth2(root).contentType("application/json")
                .post("/api/v1/users/" + world.admin.userId() + "/deactivate");
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.<String>path("type")).isEqualTo("urn:sphere:problem:user.self-deactivation");
        assertThat(given().auth().oauth2(root).contentType("application/json").post("/api/v1/users/987654/deactivate")
                .statusCode())
                .isEqualTo(404);
    }

    @Test
    void nobodyButTheSuperuserAdministersPeople() {
        String olga = world.token(world.operator);
        long victor = world.viewer.userId();
        assertThat(given().auth().oauth2(olga).contentType("application/json")
                .post("/api/v1/users/" + victor + "/deactivate").statusCode())
                .isEqualTo(403);
        assertThat(given().auth().oauth2(olga).contentType("application/json")
                .post("/api/v1/users/" + victor + "/reactivate").statusCode())
                .isEqualTo(403);
        Response reset = given().auth().oauth2(olga).contentType("application/json")
                .body(Map.of("password", NEW_PASSWORD)).put("/api/v1/users/" + victor + "/password");
        assertThat(reset.statusCode()).isEqualTo(403);
        assertThat(reset.contentType()).startsWith("application/problem+json");
        assertThat(new WebClient().login("victor@example.com", ApiWorld.PASSWORD).statusCode()).isEqualTo(303);
    }
}
