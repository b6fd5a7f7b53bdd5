package io.sphere.cli;

import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Singleton;

import io.sphere.core.error.ErrorMessages;
import io.sphere.core.error.SphereException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns a failed command into what the operator sees: a single line on stderr in their
 * language and exit code 1. The stack trace is for {@code --verbose} only, because operators act on the message
 * and a trace buries it.
 */
@Singleton
class ErrorReporter implements IExecutionExceptionHandler {

    static final int FAILURE = 1;

    private final Messages messages;

    ErrorReporter(Messages messages) {
        this.messages = messages;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        command.getErr().println(describe(e));
        if (verbose(parseResult)) {
            e.printStackTrace(command.getErr());
        }
        command.getErr().flush();
        return FAILURE;
    }

    String describe(Throwable e) {
        if (e instanceof CliFailure failure) {
            return messages.get(failure.key(), failure.args());
        }
        if (e instanceof SphereException refusal) {
            // the CLI words a few refusals for the command line (e.g. naming --update-password); the rest read as
            // they do on the pages, from core
            String cliKey = "error." + refusal.code().key();
            return messages.bundle().containsKey(cliKey)
                    ? messages.get(cliKey, refusal.args())
                    : ErrorMessages.of(refusal, messages.locale());
        }
        return messages.get("error.unexpected", Map.of("reason", reason(e)));
    }

    /**
     * One line saying what went wrong: the driver's own message when the database is involved (it names the host and
     * port), otherwise the innermost one, which is usually the real cause rather than a wrapper's summary.
     */
    static String reason(Throwable e) {
        Throwable chosen = e;
        Throwable sqlError = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chosen = t;
            if (t instanceof SQLException) {
                sqlError = t;
            }
        }
        if (sqlError != null && sqlError.getMessage() != null) {
            chosen = sqlError;
        }
        String message = chosen.getMessage();
        if (message == null || message.isBlank()) {
            return chosen.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The option is inherited, so it may have been given to the top command or to the subcommand. */
    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
