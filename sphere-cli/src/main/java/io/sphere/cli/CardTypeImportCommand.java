package io.sphere.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.control.ActivateRequestContext;

import io.sphere.core.cardtype.CardTypeExchange;
import io.sphere.core.cardtype.CardTypeExchange.ImportResult;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Creates the type or updates the one with the file's key. A refused file is reported as its first problem with
 * where it is, so that the operator can go straight to the line or property.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Create or update a card type from a JSON file. Runs as a superuser: whoever may run "
                + "sphere-cli is trusted like one.")
class CardTypeImportCommand implements Callable<Integer> {

    private final CardTypeExchange exchange;
    private final ShellActor actor;
    private final Messages messages;
    private final ErrorReporter errors;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "card-type.file",
            description = "The JSON file to import.")
    Path file;

    CardTypeImportCommand(CardTypeExchange exchange, ShellActor actor, Messages messages, ErrorReporter errors) {
        this.exchange = exchange;
        this.actor = actor;
        this.messages = messages;
        this.errors = errors;
    }

    @Override
    @ActivateRequestContext
    public Integer call() {
        String json = read();
        ImportResult result;
        try {
            result = exchange.importJson(actor.get(), json);
        } catch (SphereException e) {
            throw located(e);
        }
        String key = result.created() ? "card-type.created" : "card-type.updated";
        spec.commandLine().getOut().println(messages.get(key,
                Map.of("key", result.type().key(), "version", result.type().definitionVersion())));
        return 0;
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliFailure("file.missing", Map.of("file", file), e);
        } catch (CharacterCodingException e) {
            throw new CliFailure("file.not-utf8", Map.of("file", file), e);
        } catch (IOException e) {
            throw new CliFailure("file.unreadable", Map.of("file", file, "reason", ErrorReporter.reason(e)), e);
        }
    }

    /**
     * Prefixed with the file, and for anything but a syntax error (whose message names its line and column) with
     * the JSON path; kept to one line because Jackson's details sometimes span several.
     */
    private CliFailure located(SphereException e) {
        String problem = errors.describe(e).strip().replaceAll("\\s*\\R\\s*", " ");
        String path = e.field();
        if (e.code() == ErrorCode.IMPORT_SYNTAX || path == null || path.isBlank() || path.equals("$")) {
            return new CliFailure("card-type.problem", Map.of("file", file, "problem", problem), e);
        }
        return new CliFailure("card-type.problem-at", Map.of("file", file, "path", path, "problem", problem), e);
    }
}
