package io.sphere.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.api.ApiWorld;
import io.sphere.web.support.WebClient;

@QuarkusTest
class CardTypeImportPageTest {

    @Inject
    ApiWorld world;

    @Inject
    CardTypeService types;

    private WebClient root;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
        root = new WebClient().loggedInAs("root@example.com", ApiWorld.PASSWORD);
    }

    @Test
    void exportDownloadsTheDocumentedFileAndImportingItBackCreatesOrUpdates() {
        Response export = root.get("/admin/card-types/REQ/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).isEqualTo("attachment; filename=\"REQ.json\"");
        String json = export.asString();
        assertThat(json).contains("\"format\" : \"sphere-card-type\"").contains("\"Operators\"");

        root.get("/admin/card-types/import");
        Response created = upload(root, json.replace("\"key\" : \"REQ\"", "\"key\" : \"REQ2\""));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/admin/card-types?imported=REQ2");
        assertThat(root.get("/admin/card-types?imported=REQ2").asString()).contains("Card type REQ2 imported.");
        var copy = types.findByKey("REQ2").orElseThrow().definition();
        var original = types.findByKey("REQ").orElseThrow().definition();
        assertThat(copy.fields()).extracting(f -> f.key() + ":" + f.kind() + ":" + f.required())
                .isEqualTo(original.fields().stream().map(f -> f.key() + ":" + f.kind() + ":" + f.required())
                        .toList());
        assertThat(copy.stages()).isEqualTo(original.stages());
        assertThat(copy.transitions()).isEqualTo(original.transitions());

        Response updated = upload(root, json.replace("\"name\" : \"Request\"", "\"name\" : \"Request v2\""));
        assertThat(updated.statusCode()).isEqualTo(303);
        assertThat(types.findByKey("REQ").orElseThrow().name()).isEqualTo("Request v2");
    }

    @Test
    void anInvalidFileNamesItsFirstProblemAndWhere() {
        String good = root.get("/admin/card-types/REQ/export").asString();
        assertThat(root.get("/admin/card-types/import").asString()).contains("id=\"import-form\"");

        Response syntax = upload(root, "{\n  \"format\": \"sphere-card-type\",\n  oops\n}");
        assertThat(syntax.statusCode()).isEqualTo(422);
        assertThat(syntax.asString()).contains("id=\"import-error\"").contains("line 3, column");

        Response unreachable = upload(root, good.replace("\"to\" : \"rejected\"", "\"to\" : \"new\""));
        assertThat(unreachable.statusCode()).isEqualTo(422);
        assertThat(unreachable.asString()).contains("Stage rejected cannot be reached")
                .contains("<code id=\"import-location\">definition.stages[3]</code>");

        Response unknownGroup = upload(root, good.replace("\"Operators\"", "\"Ghosts\""));
        assertThat(unknownGroup.statusCode()).isEqualTo(422);
        assertThat(unknownGroup.asString()).contains("Ghosts");

        Response empty = upload(root, "");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.asString()).contains("id=\"import-error\"");

        Response notUtf8 = root.request().multiPart("file", "x.json", new byte[]{(byte) 0xC3, (byte) 0x28},
                "application/json").multiPart("csrf-token", root.csrfToken()).post("/admin/card-types/import");
        assertThat(notUtf8.statusCode()).isEqualTo(422);

        WebClient ru = new WebClient().language("ru").loggedInAs("root@example.com", ApiWorld.PASSWORD);
        ru.get("/admin/card-types/import");
        assertThat(upload(ru, "[]").asString()).contains("id=\"import-error\"").contains("Некорректный файл");
        assertThat(TestDatabase.count("SELECT count(*) FROM card_type")).isEqualTo(2);
    }

    @Test
    void onlyAdministratorsImportAndTheFormNeedsItsCsrfToken() {
        String good = root.get("/admin/card-types/REQ/export").asString();
        Response forged = root.request().multiPart("file", "t.json", good.getBytes(StandardCharsets.UTF_8),
                "application/json").post("/admin/card-types/import");
        assertThat(forged.statusCode()).isEqualTo(400);
        WebClient olga = new WebClient().loggedInAs("olga@example.com", ApiWorld.PASSWORD);
        olga.get("/");
        assertThat(upload(olga, good.replace("\"key\" : \"REQ\"", "\"key\" : \"OLG\"")).statusCode())
                .isEqualTo(403);
        assertThat(types.findByKey("OLG")).isEmpty();
    }

    private static Response upload(WebClient browser, String json) {
        return browser.request().multiPart("file", "type.json", json.getBytes(StandardCharsets.UTF_8),
                "application/json").multiPart("csrf-token", browser.csrfToken()).post("/admin/card-types/import");
    }
}
