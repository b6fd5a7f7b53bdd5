package io.sphere.core.cardtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.cardtype.CardTypeExchange.ImportResult;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupService;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;

@QuarkusTest
class CardTypeExchangeTest {

    @Inject
    Fixtures fixtures;
    @Inject
    CardTypeExchange exchange;
    @Inject
    CardTypeService types;
    @Inject
    GroupService groups;
    @Inject
    PermissionService permissions;

    Actor root;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        root = fixtures.superuser();
    }

    @Test
    void exportsWithGroupNamesAndImportsIntoAnotherInstallation() {
        GroupView managers = fixtures.group(root, "Managers");
        CardTypeView t = types.create(root, "REQ", "Requests", "Sample",
                Fixtures.requestDefinition(List.of(managers.id())));
        fixtures.grant(root, t.id(), managers.id(), Action.VIEW, Action.ADMINISTER);
        String json = exchange.export(root, "REQ");
        assertThat(json).contains("\"formatVersion\" : 1", "\"allowedGroups\" : [ \"Managers\" ]",
                "\"Managers\" : [ \"VIEW\", \"ADMINISTER\" ]", "\"final\" : true")
                .doesNotContain("allowedGroupIds", "isFinal", "activeFields", "activeOptions", "initialStage");

        TestDatabase.clean();
        root = fixtures.superuser();
        SphereException missing = catchThrowableOfType(SphereException.class, () -> exchange.importJson(root, json));
        assertThat(missing.code()).isEqualTo(ErrorCode.IMPORT_GROUP_UNKNOWN);
        assertThat(missing.args()).containsEntry("groups", "Managers");

        GroupView again = fixtures.group(root, "managers");
        ImportResult created = exchange.importJson(root, json);
        assertThat(created.created()).isTrue();
        assertThat(created.type().definition().transition("reject").orElseThrow().allowedGroupIds())
                .containsExactly(again.id());
        assertThat(permissions.matrix(root, created.type().id()))
                .isEqualTo(Map.of(again.id(), Set.of(Action.VIEW, Action.ADMINISTER)));

        ImportResult updated = exchange.importJson(root, json.replace("\"Requests\"", "\"Tickets\""));
        assertThat(updated.created()).isFalse();
        assertThat(updated.type().name()).isEqualTo("Tickets");
        assertThat(updated.type().definitionVersion()).isEqualTo(1);
    }

    @Test
    void namesTheFirstProblemOfAnInvalidFile() {
        fixtures.requestType(root, "REQ");
        String good = exchange.export(root, "REQ").replace("\"REQ\"", "\"NEW\"");

        SphereException syntax = problem("{\n  \"format\": \"sphere-card-type\",\n  \"key\" \"NEW\"\n}");
        assertThat(syntax.code()).isEqualTo(ErrorCode.IMPORT_SYNTAX);
        assertThat(syntax.args()).containsEntry("line", 3).containsKey("column");

        assertThat(problem("").code()).isEqualTo(ErrorCode.IMPORT_SYNTAX);
        assertThat(problem("[1, 2]").code()).isEqualTo(ErrorCode.IMPORT_INVALID);
        assertThat(problem(good.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2")).code())
                .isEqualTo(ErrorCode.IMPORT_FORMAT_VERSION);
        assertThat(problem(good.replace("\"sphere-card-type\"", "\"other\"")).field()).isEqualTo("format");

        SphereException stage = problem(good.replace("\"to\" : \"done\"", "\"to\" : \"finished\""));
        assertThat(stage.code()).isEqualTo(ErrorCode.TRANSITION_STAGE_UNKNOWN);
        assertThat(stage.field()).isEqualTo("definition.transitions[1].to");

        SphereException type = problem(good.replaceFirst("\"required\" : false", "\"required\" : [ ]"));
        assertThat(type.code()).isEqualTo(ErrorCode.IMPORT_INVALID);
        assertThat(type.field()).isEqualTo("definition.fields[0].required");

        SphereException unknown = problem(good.replaceFirst("\"required\" : false", "\"mandatory\" : false"));
        assertThat(unknown.field()).isEqualTo("definition.fields[0].mandatory");

        SphereException kind = problem(good.replaceFirst("\"LONG_TEXT\"", "\"ESSAY\""));
        assertThat(kind.field()).isEqualTo("definition.fields[0].kind");

        assertThat(TestDatabase.count("SELECT count(*) FROM card_type WHERE key = 'NEW'")).isZero();
        assertThat(exchange.importJson(root, good).created()).isTrue();
    }

    @Test
    void exportAndImportNeedTheRightPeople() {
        fixtures.requestType(root, "REQ");
        Actor op = fixtures.user("op");
        String json = exchange.export(root, "REQ");
        assertThat(catchThrowableOfType(SphereException.class, () -> exchange.export(op, "REQ")).code())
                .isEqualTo(ErrorCode.CARD_TYPE_NOT_FOUND);
        assertThat(catchThrowableOfType(SphereException.class,
                () -> exchange.importJson(op, json.replace("\"REQ\"", "\"NEW\""))).code())
                .isEqualTo(ErrorCode.ACCESS_DENIED);
    }

    private SphereException problem(String json) {
        SphereException e = catchThrowableOfType(SphereException.class, () -> exchange.importJson(root, json));
        assertThat(e).as(json).isNotNull();
        return e;
    }
}
