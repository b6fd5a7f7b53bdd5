package io.sphere.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.control.ActivateRequestContext;

import io.sphere.core.cardtype.CardTypeExchange;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The file is what the card type page's export button gives, so a type can move between installations. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a card type as a JSON file, or to standard output. Runs as a superuser: whoever may run "
                + "sphere-cli is trusted like one.")
class CardTypeExportCommand implements Callable<Integer> {

    private final CardTypeExchange exchange;
    private final ShellActor actor;
    private final Messages messages;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", descriptionKey = "card-type.key",
            description = "Key of the card type, such as REQ.")
    String key;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", descriptionKey = "card-type.output",
            description = "Write to FILE instead of standard output.")
    Path output;

    CardTypeExportCommand(CardTypeExchange exchange, ShellActor actor, Messages messages) {
        this.exchange = exchange;
        this.actor = actor;
        this.messages = messages;
    }

    @Override
    @ActivateRequestContext
    public Integer call() {
        String json = exchange.export(actor.get(), key);
        if (output == null) {
            spec.commandLine().getOut().println(json);
            return 0;
        }
        try {
            Files.writeString(output, json + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure("file.unwritable", Map.of("file", output, "reason", ErrorReporter.reason(e)), e);
        }
        spec.commandLine().getOut().println(messages.get("card-type.exported", Map.of("key", key, "file", output)));
        return 0;
    }
}
