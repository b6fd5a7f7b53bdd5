package io.sphere.core.cardtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;

@QuarkusTest
class CardTypeServiceTest {

    @Inject
    Fixtures fixtures;
    @Inject
    CardTypeService types;
    @Inject
    CardService cards;

    Actor root;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        root = fixtures.superuser();
    }

    @Test
    void createsAndKeepsEveryDefinition() {
        CardTypeView t = fixtures.requestType(root, "REQ");
        assertThat(t.definitionVersion()).isEqualTo(1);
        assertThat(t.definition().initialStage().key()).isEqualTo("new");
        CardTypeView renamed = types.update(root, "REQ", t.version(), "Requests", "d", t.definition());
        assertThat(renamed.definitionVersion()).as("same definition, no new version").isEqualTo(1);
        List<FieldDefinition> fields = new ArrayList<>(t.definition().fields());
        fields.add(Fixtures.field("extra", FieldKind.TEXT, false));
        CardTypeView v2 = types.update(root, "REQ", renamed.version(), "Requests", "d",
                new CardTypeDefinition(fields, t.definition().stages(), t.definition().transitions()));
        assertThat(v2.definitionVersion()).isEqualTo(2);
        assertThat(types.versions(root, "REQ")).extracting(CardTypeVersionView::version).containsExactly(2, 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM card_type_version")).isEqualTo(2);
    }

    @Test
    void refusesBadKeysNamesAndDuplicates() {
        fixtures.requestType(root, "REQ");
        for (String key : List.of("req", "R", "1REQ", "REQUESTSXXX", "RE-Q", "")) {
            assertThat(code(() -> types.create(root, key, "n", "", Fixtures.requestDefinition(List.of()))))
                    .as(key).isEqualTo(ErrorCode.CARD_TYPE_KEY_INVALID);
        }
        assertThat(code(() -> types.create(root, "REQ", "n", "", Fixtures.requestDefinition(List.of()))))
                .isEqualTo(ErrorCode.CARD_TYPE_EXISTS);
        assertThat(code(() -> types.create(root, "NEW", " ", "", Fixtures.requestDefinition(List.of()))))
                .isEqualTo(ErrorCode.CARD_TYPE_NAME_INVALID);
        assertThat(code(() -> types.create(fixtures.user("op"), "NEW", "n", "",
                Fixtures.requestDefinition(List.of())))).isEqualTo(ErrorCode.ACCESS_DENIED);
    }

    @Test
    void staleVersionIsAConflict() {
        CardTypeView t = fixtures.requestType(root, "REQ");
        types.update(root, "REQ", t.version(), "One", "", t.definition());
        SphereException e = catchThrowableOfType(SphereException.class,
                () -> types.update(root, "REQ", t.version(), "Two", "", t.definition()));
        assertThat(e.code()).isEqualTo(ErrorCode.CARD_TYPE_VERSION_CONFLICT);
        assertThat(e.code().httpStatus()).isEqualTo(409);
    }

    @Test
    void namesTheFirstProblemOfAnInvalidDefinition() {
        CardTypeDefinition ok = Fixtures.requestDefinition(List.of());
        assertProblem(withField(ok, 0, f -> new FieldDefinition("Bad Key", "x", FieldKind.TEXT, false, null, null,
                null, null, false)), ErrorCode.DEFINITION_KEY_INVALID, "fields[0].key");
        assertProblem(withField(ok, 1, f -> Fixtures.field("summary", FieldKind.TEXT, false)),
                ErrorCode.DEFINITION_KEY_DUPLICATE, "fields[1].key");
        assertProblem(withField(ok, 0, f -> new FieldDefinition("summary", " ", FieldKind.TEXT, false, null, null,
                null, null, false)), ErrorCode.DEFINITION_LABEL_MISSING, "fields[0].label");
        assertProblem(withField(ok, 0, f -> new FieldDefinition("summary", "S", null, false, null, null, null, null,
                false)), ErrorCode.FIELD_KIND_MISSING, "fields[0].kind");
        assertProblem(withField(ok, 0, f -> new FieldDefinition("summary", "S", FieldKind.TEXT, false, null, null,
                new FieldValidation(null, null, null, null, "[a-"), null, false)), ErrorCode.FIELD_REGEX_INVALID,
                "fields[0].validation.regex");
        assertProblem(withField(ok, 0, f -> new FieldDefinition("summary", "S", FieldKind.TEXT, false, null, null,
                new FieldValidation(10, 5, null, null, null), null, false)), ErrorCode.FIELD_RANGE_INVALID,
                "fields[0].validation.minLength");
        assertProblem(withField(ok, 0, f -> new FieldDefinition("summary", "S", FieldKind.NUMBER, false, null, null,
                new FieldValidation(null, null, BigDecimal.TEN, BigDecimal.ONE, null), null, false)),
                ErrorCode.FIELD_RANGE_INVALID, "fields[0].validation.minValue");
        assertProblem(withField(ok, 0, f -> new FieldDefinition("summary", "S", FieldKind.SINGLE_SELECT, false, null,
                null, null, List.of(), false)), ErrorCode.FIELD_OPTIONS_MISSING, "fields[0].options");
        assertProblem(withField(ok, 0, f -> new FieldDefinition("summary", "S", FieldKind.SINGLE_SELECT, false, null,
                null, null, List.of(new FieldOption("a", "A", false), new FieldOption("a", "B", false)), false)),
                ErrorCode.DEFINITION_KEY_DUPLICATE, "fields[0].options[1].value");
        assertProblem(withField(ok, 0, f -> new FieldDefinition("summary", "S", FieldKind.NUMBER, false, "many",
                null, null, null, false)), ErrorCode.FIELD_DEFAULT_INVALID, "fields[0].defaultValue");

        List<StageDefinition> stages = ok.stages();
        assertProblem(new CardTypeDefinition(ok.fields(), List.of(), List.of()), ErrorCode.STAGE_NO_INITIAL,
                "stages");
        assertProblem(new CardTypeDefinition(ok.fields(), replace(stages, 1,
                new StageDefinition("in_progress", "In progress", true, false, null)), ok.transitions()),
                ErrorCode.STAGE_MANY_INITIAL, "stages[1].initial");
        assertProblem(new CardTypeDefinition(ok.fields(), stages.stream()
                .map(s -> new StageDefinition(s.key(), s.name(), s.initial(), false, null)).toList(),
                ok.transitions()), ErrorCode.STAGE_NO_FINAL, "stages");
        assertProblem(new CardTypeDefinition(ok.fields(), replace(stages, 2,
                new StageDefinition("new", "Again", false, true, null)), ok.transitions()),
                ErrorCode.DEFINITION_KEY_DUPLICATE, "stages[2].key");
        assertProblem(new CardTypeDefinition(ok.fields(), replace(stages, 0,
                new StageDefinition("new", "New", true, false, "two days")), ok.transitions()),
                ErrorCode.STAGE_SLA_INVALID, "stages[0].sla");
        assertProblem(new CardTypeDefinition(ok.fields(), stages, ok.transitions().subList(0, 2)),
                ErrorCode.STAGE_UNREACHABLE, "stages[3]");
        assertProblem(new CardTypeDefinition(ok.fields(), stages, replace(ok.transitions(), 1,
                new TransitionDefinition("done", "in_progress", "finished", "Done", null, null))),
                ErrorCode.TRANSITION_STAGE_UNKNOWN, "transitions[1].to");
        assertProblem(new CardTypeDefinition(ok.fields(), stages, replace(ok.transitions(), 1,
                new TransitionDefinition("done", "in_progress", "done", "Done", null, List.of("nope")))),
                ErrorCode.TRANSITION_FIELD_UNKNOWN, "transitions[1].requiredFields[0]");
        assertProblem(new CardTypeDefinition(ok.fields(), stages, replace(ok.transitions(), 1,
                new TransitionDefinition("done", "in_progress", "done", "Done", List.of(424242L), null))),
                ErrorCode.TRANSITION_GROUP_UNKNOWN, "transitions[1].allowedGroupIds[0]");
        assertProblem(new CardTypeDefinition(ok.fields(), stages, replace(ok.transitions(), 1,
                new TransitionDefinition("start", "in_progress", "done", "Done", null, null))),
                ErrorCode.DEFINITION_KEY_DUPLICATE, "transitions[1].key");
        assertThat(TestDatabase.count("SELECT count(*) FROM card_type")).isZero();
    }

    @Test
    void removingAFieldKeepsItsValuesReadable() {
        CardTypeView t = fixtures.requestType(root, "REQ");
        CardView card = cards.create(root, "REQ", CardInput.of("Printer", Map.of("summary", "Paper jam")));
        List<FieldDefinition> without = t.definition().fields().stream().filter(f -> !f.key().equals("summary"))
                .toList();
        CardTypeView v2 = types.update(root, "REQ", t.version(), t.name(), "",
                new CardTypeDefinition(without, t.definition().stages(), t.definition().transitions()));
        assertThat(v2.definition().field("summary")).get().extracting(FieldDefinition::removed).isEqualTo(true);
        CardView after = cards.get(root, card.key());
        assertThat(after.fields()).extracting(f -> f.key()).doesNotContain("summary");
        assertThat(after.removedFields()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("summary");
            assertThat(f.display()).isEqualTo("Paper jam");
        });
        SphereException e = catchThrowableOfType(SphereException.class, () -> cards.update(root, card.key(),
                after.version(), CardInput.of("Printer", Map.of("summary", "new"))));
        assertThat(e).isNotNull();
    }

    @Test
    void renamingAnOptionKeepsTheStoredValueAndRemovingOneKeepsItsLabel() {
        CardTypeView t = fixtures.requestType(root, "REQ");
        CardView card = cards.create(root, "REQ", CardInput.of("Laptop", Map.of("category", "software")));
        CardTypeDefinition d = t.definition();
        List<FieldDefinition> fields = d.fields().stream().map(f -> !f.key().equals("category")
                ? f
                : f.withOptions(List.of(new FieldOption("hardware", "Hardware", false),
                        new FieldOption("software", "Programs", false))))
                .toList();
        types.update(root, "REQ", t.version(), t.name(), "", new CardTypeDefinition(fields, d.stages(),
                d.transitions()));
        CardView after = cards.get(root, card.key());
        assertThat(after.field("category")).get().satisfies(f -> {
            assertThat(f.value()).isEqualTo("software");
            assertThat(f.display()).isEqualTo("Programs");
        });
        CardTypeView v2 = types.get(root, "REQ");
        assertThat(v2.definition().field("category").orElseThrow().option("access")).get()
                .extracting(FieldOption::removed).isEqualTo(true);
        SphereException e = catchThrowableOfType(SphereException.class,
                () -> cards.create(root, "REQ", CardInput.of("x", Map.of("category", "access"))));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void aStageWithCardsCannotBeRemovedAndAKindCannotChange() {
        CardTypeView t = fixtures.requestType(root, "REQ");
        cards.create(root, "REQ", CardInput.of("Printer", Map.of()));
        CardTypeDefinition d = t.definition();
        CardTypeDefinition noNew = new CardTypeDefinition(d.fields(), List.of(
                new StageDefinition("in_progress", "In progress", true, false, null),
                new StageDefinition("done", "Done", false, true, null)),
                List.of(new TransitionDefinition("done", "in_progress", "done", "Done", null, null)));
        SphereException e = catchThrowableOfType(SphereException.class,
                () -> types.update(root, "REQ", t.version(), t.name(), "", noNew));
        assertThat(e.code()).isEqualTo(ErrorCode.STAGE_IN_USE);
        assertThat(e.args()).containsEntry("stage", "new").containsEntry("count", 1L);

        CardTypeDefinition kindChanged = withField(d, 1, f -> Fixtures.field("amount", FieldKind.TEXT, false));
        assertThat(catchThrowableOfType(SphereException.class,
                () -> types.update(root, "REQ", t.version(), t.name(), "", kindChanged)).field())
                .isEqualTo("fields[1].kind");
    }

    private void assertProblem(CardTypeDefinition d, ErrorCode code, String path) {
        SphereException e = catchThrowableOfType(SphereException.class,
                () -> types.create(root, "BAD", "Bad", "", d));
        assertThat(e).as(path).isNotNull();
        assertThat(e.code()).as(path).isEqualTo(code);
        assertThat(e.field()).isEqualTo(path);
    }

    private static CardTypeDefinition withField(CardTypeDefinition d, int index,
            UnaryOperator<FieldDefinition> change) {
        return new CardTypeDefinition(replace(d.fields(), index, change.apply(d.fields().get(index))), d.stages(),
                d.transitions());
    }

    private static <T> List<T> replace(List<T> list, int index, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, value);
        return copy;
    }

    private static ErrorCode code(Runnable r) {
        SphereException e = catchThrowableOfType(SphereException.class, r::run);
        assertThat(e).as("expected a refusal").isNotNull();
        return e.code();
    }
}
