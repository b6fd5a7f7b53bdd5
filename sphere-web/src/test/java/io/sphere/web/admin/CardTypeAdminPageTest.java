package io.sphere.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.cardtype.FieldDefinition;
import io.sphere.core.cardtype.FieldKind;
import io.sphere.core.cardtype.StageDefinition;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.api.ApiWorld;
import io.sphere.web.support.WebClient;

@QuarkusTest
class CardTypeAdminPageTest {

    @Inject
    ApiWorld world;

    @Inject
    CardTypeService types;

    private WebClient admin;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
        admin = new WebClient().loggedInAs("root@example.com", ApiWorld.PASSWORD);
    }

    /** A small complaint process: two fields, three stages, two transitions, as the editor would send it. */
    static Map<String, String> complaintForm() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("key", "CMP");
        f.put("name", "Complaint");
        f.put("description", "Customer complaints");
        f.put("version", "0");
        f.put("fieldCount", "2");
        f.put("f0.key", "summary");
        f.put("f0.label", "Summary");
        f.put("f0.kind", "TEXT");
        f.put("f0.required", "on");
        f.put("f0.maxLength", "200");
        f.put("f0.regex", "[A-Za-z ]+");
        f.put("f1.key", "severity");
        f.put("f1.label", "Severity");
        f.put("f1.kind", "SINGLE_SELECT");
        f.put("f1.default", "low");
        f.put("f1.options", "low = Low\nhigh = High");
        f.put("stageCount", "3");
        f.put("s0.key", "new");
        f.put("s0.name", "New");
        f.put("initial", "0");
        f.put("s1.key", "doing");
        f.put("s1.name", "In progress");
        f.put("s1.sla", "PT4H");
        f.put("s2.key", "done");
        f.put("s2.name", "Done");
        f.put("s2.final", "on");
        f.put("transitionCount", "2");
        f.put("t0.key", "start");
        f.put("t0.from", "new");
        f.put("t0.to", "doing");
        f.put("t0.label", "Start");
        f.put("t1.key", "finish");
        f.put("t1.from", "doing");
        f.put("t1.to", "done");
        f.put("t1.label", "Finish");
        f.put("t1.required", "severity");
        f.put("op", "save");
        return f;
    }

    @Test
    void superuserCreatesATypeInTheEditorAndSeesItsWorkflowAndHistory() {
        String blank = admin.get("/admin/card-types/new").asString();
        assertThat(blank).contains("id=\"type-form\"").contains("name=\"f0.key\"").contains("name=\"s1.key\"");
        Map<String, String> form = complaintForm();
        form.put("t0.group." + world.operators.id(), "on");
        Response saved = send(admin, "/admin/card-types/new", form);
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/admin/card-types/CMP?saved=1");

        CardTypeView type = types.findByKey("CMP").orElseThrow();
        assertThat(type.name()).isEqualTo("Complaint");
        assertThat(type.definition().fields()).extracting(FieldDefinition::key).containsExactly("summary",
                "severity");
        FieldDefinition summary = type.definition().field("summary").orElseThrow();
        assertThat(summary.required()).isTrue();
        assertThat(summary.validation().maxLength()).isEqualTo(200);
        assertThat(summary.validation().regex()).isEqualTo("[A-Za-z ]+");
        assertThat(type.definition().field("severity").orElseThrow().kind()).isEqualTo(FieldKind.SINGLE_SELECT);
        assertThat(type.definition().field("severity").orElseThrow().options()).hasSize(2);
        assertThat(type.definition().stages()).extracting(StageDefinition::key).containsExactly("new", "doing",
                "done");
        assertThat(type.definition().stage("doing").orElseThrow().sla()).isEqualTo("PT4H");
        assertThat(type.definition().transition("start").orElseThrow().allowedGroupIds())
                .containsExactly(world.operators.id());
        assertThat(type.definition().transition("finish").orElseThrow().requiredFields())
                .containsExactly("severity");

        String page = admin.get("/admin/card-types/CMP?saved=1").asString();
        assertThat(page).contains("id=\"notice\"").contains("<svg id=\"workflow-diagram\"")
                .contains(">In progress</text>").contains(">Start</text>").contains("id=\"workflow-list\"")
                .contains("id=\"version-1\"");
        assertThat(admin.get("/admin/card-types").asString()).contains("id=\"type-CMP\"");
    }

    @Test
    void rowButtonsAddMoveAndRemoveRowsKeepingEverythingTyped() {
        admin.get("/admin/card-types/new");
        Map<String, String> form = complaintForm();
        form.put("op", "add-field");
        Response added = send(admin, "/admin/card-types/new", form);
        assertThat(added.statusCode()).isEqualTo(200);
        String page = added.asString();
        assertThat(page).contains("name=\"f2.key\"").contains(">Customer complaints</textarea>")
                .contains("value=\"[A-Za-z ]+\"").contains("low = Low\nhigh = High")
                .contains("name=\"fieldCount\" value=\"3\"");
        assertThat(types.findByKey("CMP")).isEmpty();

        form.put("op", "down-field-0");
        String moved = send(admin, "/admin/card-types/new", form).asString();
        assertThat(moved).contains("id=\"f0-key\" name=\"f0.key\" value=\"severity\"")
                .contains("id=\"f1-key\" name=\"f1.key\" value=\"summary\"");

        form.put("op", "remove-stage-1");
        String removed = send(admin, "/admin/card-types/new", form).asString();
        assertThat(removed).contains("name=\"stageCount\" value=\"2\"").doesNotContain("value=\"doing\" maxlength")
                .contains("id=\"s1-key\" name=\"s1.key\" value=\"done\"");
    }

    @Test
    void invalidDefinitionsAreShownNextToTheRowAtFaultWithTheInputKept() {
        admin.get("/admin/card-types/new");
        Map<String, String> unreachable = complaintForm();
        unreachable.put("transitionCount", "1");
        Response r = send(admin, "/admin/card-types/new", unreachable);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("id=\"stage-2-error\"")
                .contains("Stage done cannot be reached from the initial stage.")
                .contains("value=\"Complaint\"");

        Map<String, String> noFinal = complaintForm();
        noFinal.remove("s2.final");
        assertThat(send(admin, "/admin/card-types/new", noFinal).asString()).contains("id=\"stages-error\"")
                .contains("Mark at least one stage as final.");

        Map<String, String> badRegex = complaintForm();
        badRegex.put("f0.regex", "[unclosed");
        String regexPage = send(admin, "/admin/card-types/new", badRegex).asString();
        assertThat(regexPage).contains("id=\"field-0-error\"").contains("is not a valid regular expression")
                .contains("name=\"f0.regex\" value=\"[unclosed\" maxlength=\"500\" aria-invalid=\"true\"");

        Map<String, String> duplicate = complaintForm();
        duplicate.put("f1.key", "summary");
        assertThat(send(admin, "/admin/card-types/new", duplicate).asString()).contains("id=\"field-1-error\"")
                .contains("The key summary is used twice.");

        Map<String, String> notNumber = complaintForm();
        notNumber.put("f0.maxLength", "lots");
        Response shape = send(admin, "/admin/card-types/new", notNumber);
        assertThat(shape.statusCode()).isEqualTo(422);
        assertThat(shape.asString()).contains("id=\"field-0-error\"").contains("Enter a whole number.")
                .contains("value=\"lots\"");

        Map<String, String> badKey = complaintForm();
        badKey.put("key", "req");
        assertThat(send(admin, "/admin/card-types/new", badKey).asString()).contains("id=\"type-key-error\"");

        Map<String, String> taken = complaintForm();
        taken.put("key", "REQ");
        Response exists = send(admin, "/admin/card-types/new", taken);
        assertThat(exists.statusCode()).isEqualTo(409);
        assertThat(exists.asString()).contains("A card type with key REQ already exists.");
        assertThat(types.findByKey("CMP")).isEmpty();
    }

    @Test
    void messagesAreInRussianToo() {
        WebClient ru = new WebClient().language("ru").loggedInAs("root@example.com", ApiWorld.PASSWORD);
        String blank = ru.get("/admin/card-types/new").asString();
        assertThat(blank).contains("Новый тип карточек").contains("Добавить поле");
        Map<String, String> unreachable = complaintForm();
        unreachable.put("transitionCount", "1");
        String page = send(ru, "/admin/card-types/new", unreachable).asString();
        assertThat(page).contains("id=\"stage-2-error\"").contains("недостижим");
    }

    @Test
    void aConcurrentSaveGivesAConflictThatKeepsTheInputAndAllowsADeliberateOverwrite() {
        String page = admin.get("/admin/card-types/REQ").asString();
        assertThat(page).contains("name=\"version\" value=\"" + world.requests.version() + "\"");
        CardTypeView current = types.findByKey("REQ").orElseThrow();
        types.update(world.admin, "REQ", current.version(), "Request (renamed meanwhile)", "",
                current.definition());

        Map<String, String> form = editorFormOf(current);
        form.put("name", "My request name");
        Response conflict = send(admin, "/admin/card-types/REQ", form);
        assertThat(conflict.statusCode()).isEqualTo(409);
        String body = conflict.asString();
        assertThat(body).contains("id=\"form-error\"").contains("Someone else saved this type meanwhile")
                .contains("value=\"My request name\"");
        assertThat(types.findByKey("REQ").orElseThrow().name()).isEqualTo("Request (renamed meanwhile)");

        long fresh = types.findByKey("REQ").orElseThrow().version();
        assertThat(body).contains("name=\"version\" value=\"" + fresh + "\"");
        form.put("version", String.valueOf(fresh));
        assertThat(send(admin, "/admin/card-types/REQ", form).statusCode()).isEqualTo(303);
        assertThat(types.findByKey("REQ").orElseThrow().name()).isEqualTo("My request name");
    }

    @Test
    void savingAnEditAddsAVersionAndKeepsRemovedFieldsInTheDefinition() {
        CardTypeView current = types.findByKey("REQ").orElseThrow();
        admin.get("/admin/card-types/REQ");
        Map<String, String> form = editorFormOf(current);
        List<FieldDefinition> fields = current.definition().activeFields();
        int link = fields.indexOf(fields.stream().filter(f -> f.key().equals("link")).findFirst().orElseThrow());
        form.put("op", "remove-field-" + link);
        String removedRow = send(admin, "/admin/card-types/REQ", form).asString();
        assertThat(removedRow).contains("name=\"fieldCount\" value=\"" + (fields.size() - 1) + "\"")
                .doesNotContain("value=\"link\"");

        Map<String, String> withoutResolution = new LinkedHashMap<>(form);
        int resolution = fields.size() - 1;
        withoutResolution.put("fieldCount", String.valueOf(resolution));
        withoutResolution.put("op", "save");
        Response refused = send(admin, "/admin/card-types/REQ", withoutResolution);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("id=\"transition-1-error\"")
                .contains("There is no field resolution.");

        form.put("op", "save");
        form.put("f" + link + ".key", "link_new");
        form.put("f" + link + ".label", "Web link");
        Response saved = send(admin, "/admin/card-types/REQ", form);
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        CardTypeView after = types.findByKey("REQ").orElseThrow();
        assertThat(after.definitionVersion()).isEqualTo(2);
        assertThat(after.definition().field("link").orElseThrow().removed()).isTrue();
        assertThat(after.definition().field("link_new").orElseThrow().removed()).isFalse();
        String page = admin.get("/admin/card-types/REQ").asString();
        assertThat(page).contains("id=\"version-2\"").contains("id=\"version-1\"")
                .contains("value=\"link_new\"").doesNotContain("value=\"link\"");
    }

    @Test
    void namesAreEscapedInTheDiagramAndTheForm() {
        admin.get("/admin/card-types/new");
        Map<String, String> form = complaintForm();
        form.put("s1.name", "<script>alert(1)</script>");
        form.put("t0.label", "\"><img src=x onerror=alert(1)>");
        form.put("op", "add-stage");
        String page = send(admin, "/admin/card-types/new", form).asString();
        assertThat(page).doesNotContain("<script>alert(1)").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    /**
     * Submits a form the way a browser encodes it ({@link WebClient} sends values as given, and the editor's values
     * hold +, = and line breaks).
     */
    static Response send(WebClient browser, String path, Map<String, String> form) {
        Map<String, String> encoded = new LinkedHashMap<>();
        form.forEach((k, v) -> encoded.put(URLEncoder.encode(k, StandardCharsets.UTF_8),
                URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return browser.post(path, encoded);
    }

    /** The editor form of a saved type, the way the page renders it. */
    static Map<String, String> editorFormOf(CardTypeView type) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", type.name());
        f.put("description", type.description());
        f.put("version", String.valueOf(type.version()));
        List<FieldDefinition> fields = type.definition().activeFields();
        f.put("fieldCount", String.valueOf(fields.size()));
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition d = fields.get(i);
            f.put("f" + i + ".key", d.key());
            f.put("f" + i + ".label", d.label());
            f.put("f" + i + ".kind", d.kind().name());
            if (d.required()) {
                f.put("f" + i + ".required", "on");
            }
            f.put("f" + i + ".default", d.defaultValue() == null ? "" : d.defaultValue());
            if (d.validation().minLength() != null) {
                f.put("f" + i + ".minLength", String.valueOf(d.validation().minLength()));
            }
            if (d.validation().maxLength() != null) {
                f.put("f" + i + ".maxLength", String.valueOf(d.validation().maxLength()));
            }
            if (d.validation().minValue() != null) {
                f.put("f" + i + ".minValue", d.validation().minValue().toPlainString());
            }
            if (d.validation().maxValue() != null) {
                f.put("f" + i + ".maxValue", d.validation().maxValue().toPlainString());
            }
            if (d.validation().regex() != null) {
                f.put("f" + i + ".regex", d.validation().regex());
            }
            f.put("f" + i + ".options", String.join("\n", d.activeOptions().stream()
                    .map(o -> o.value() + " = " + o.label()).toList()));
        }
        var stages = type.definition().stages();
        f.put("stageCount", String.valueOf(stages.size()));
        for (int i = 0; i < stages.size(); i++) {
            f.put("s" + i + ".key", stages.get(i).key());
            f.put("s" + i + ".name", stages.get(i).name());
            if (stages.get(i).initial()) {
                f.put("initial", String.valueOf(i));
            }
            if (stages.get(i).isFinal()) {
                f.put("s" + i + ".final", "on");
            }
            f.put("s" + i + ".sla", stages.get(i).sla() == null ? "" : stages.get(i).sla());
        }
        var transitions = type.definition().transitions();
        f.put("transitionCount", String.valueOf(transitions.size()));
        for (int i = 0; i < transitions.size(); i++) {
            var t = transitions.get(i);
            f.put("t" + i + ".key", t.key());
            f.put("t" + i + ".from", t.from());
            f.put("t" + i + ".to", t.to());
            f.put("t" + i + ".label", t.label());
            f.put("t" + i + ".required", String.join(", ", t.requiredFields()));
            for (long g : t.allowedGroupIds()) {
                f.put("t" + i + ".group." + g, "on");
            }
        }
        f.put("op", "save");
        return f;
    }
}
