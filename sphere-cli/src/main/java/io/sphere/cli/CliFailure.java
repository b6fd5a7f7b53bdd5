package io.sphere.cli;

import java.util.Map;

/**
 * A refusal that belongs to the CLI itself (no password given, prompts that differ…), named by a message key so
 * that {@link ErrorReporter} can say it in the operator's language.
 */
final class CliFailure extends RuntimeException {

    private final String key;
    private final Map<String, ?> args;

    CliFailure(String key, Map<String, ?> args) {
        this(key, args, null);
    }

    CliFailure(String key, Map<String, ?> args, Throwable cause) {
        super(key + " " + args, cause);
        this.key = key;
        this.args = Map.copyOf(args);
    }

    String key() {
        return key;
    }

    Map<String, ?> args() {
        return args;
    }
}
