package io.sphere.core.error;

import java.util.List;
import java.util.Map;

/**
 * Several refusals at once, so that a form can show every message next to its field in one round trip. The
 * overall {@link #code()} says what was being done ({@link ErrorCode#VALIDATION_FAILED} for a card form,
 * {@link ErrorCode#TRANSITION_FIELDS_REQUIRED} for a transition); {@link #errors()} holds one entry per problem.
 */
public class ValidationException extends SphereException {

    /** One problem: the field key ({@code title}, a field key, {@code dueAt}…), its code and message arguments. */
    public record FieldError(String field, ErrorCode code, Map<String, Object> args) {

        public FieldError {
            args = Map.copyOf(args);
        }
    }

    private final List<FieldError> errors;

    public ValidationException(ErrorCode code, List<FieldError> errors) {
        super(code, errors.isEmpty() ? null : errors.get(0).field(), Map.of("count", errors.size()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
