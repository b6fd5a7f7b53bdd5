package io.sphere.core.error;

import java.util.Map;

/**
 * A refusal that a person can act on. The code is stable and maps to a message in every language at the
 * edge (page, API, CLI); {@code field} names the form field at fault when there is one.
 */
public class SphereException extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final Map<String, Object> args;

    public SphereException(ErrorCode code) {
        this(code, null, Map.of());
    }

    public SphereException(ErrorCode code, String field, Map<String, Object> args) {
        super(code.key() + (field == null ? "" : " [" + field + "]") + (args.isEmpty() ? "" : " " + args));
        this.code = code;
        this.field = field;
        this.args = Map.copyOf(args);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> args() {
        return args;
    }
}
