package io.sphere.core.cardtype;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Fields, stages and transitions of a card type, in the order people see them. */
public record CardTypeDefinition(List<FieldDefinition> fields, List<StageDefinition> stages,
        List<TransitionDefinition> transitions) {

    public CardTypeDefinition {
        fields = fields == null ? List.of() : List.copyOf(fields.stream().filter(Objects::nonNull).toList());
        stages = stages == null ? List.of() : List.copyOf(stages.stream().filter(Objects::nonNull).toList());
        transitions = transitions == null
                ? List.of()
                : List.copyOf(transitions.stream().filter(Objects::nonNull).toList());
    }

    public Optional<FieldDefinition> field(String key) {
        return fields.stream().filter(f -> Objects.equals(f.key(), key)).findFirst();
    }

    @JsonIgnore
    public List<FieldDefinition> activeFields() {
        return fields.stream().filter(f -> !f.removed()).toList();
    }

    public Optional<StageDefinition> stage(String key) {
        return stages.stream().filter(s -> Objects.equals(s.key(), key)).findFirst();
    }

    @JsonIgnore
    public StageDefinition initialStage() {
        return stages.stream().filter(StageDefinition::initial).findFirst()
                .orElseThrow(() -> new IllegalStateException("a saved definition has an initial stage"));
    }

    public Optional<TransitionDefinition> transition(String key) {
        return transitions.stream().filter(t -> Objects.equals(t.key(), key)).findFirst();
    }

    public List<TransitionDefinition> transitionsFrom(String stageKey) {
        return transitions.stream().filter(t -> Objects.equals(t.from(), stageKey)).toList();
    }
}
