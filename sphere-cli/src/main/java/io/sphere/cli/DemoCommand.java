package io.sphere.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.control.ActivateRequestContext;

import io.sphere.core.demo.DemoData;
import io.sphere.core.demo.DemoResult;
import io.sphere.core.demo.DemoService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Gives a new installation something to look at. Loading is all or nothing and happens once: when the demo type
 * exists a second run adds nothing, whatever --cards says, so that running the quick start twice never doubles the
 * demo cards.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Load a sample \"Request\" card type with groups, two users and cards. Runs as a superuser: "
                + "whoever may run sphere-cli is trusted like one.")
class DemoCommand implements Callable<Integer> {

    private final DemoService demo;
    private final ShellActor actor;
    private final Messages messages;

    @Spec
    CommandSpec spec;

    @Option(names = "--cards", paramLabel = "N", descriptionKey = "demo.cards",
            description = "How many sample cards to create (default 36).")
    int cards = DemoService.DEFAULT_CARDS;

    @Option(names = "--password-env", paramLabel = "NAME", descriptionKey = "demo.password-env",
            description = "Give the demo users the password in the environment variable NAME instead of random ones.")
    String passwordEnv;

    DemoCommand(DemoService demo, ShellActor actor, Messages messages) {
        this.demo = demo;
        this.actor = actor;
        this.messages = messages;
    }

    @Override
    @ActivateRequestContext
    public Integer call() {
        if (cards < 0 || cards > DemoService.MAX_CARDS) {
            throw new CliFailure("demo.cards-range", Map.of("max", DemoService.MAX_CARDS));
        }
        Optional<String> password = Optional.ofNullable(passwordEnv).map(DemoCommand::fromEnvironment);
        DemoResult result = demo.load(actor.get(), cards, password);
        PrintWriter out = spec.commandLine().getOut();
        if (result.alreadyLoaded()) {
            out.println(messages.get("demo.already-loaded", Map.of("key", result.typeKey())));
            return 0;
        }
        out.println(messages.get("demo.loaded", Map.of("key", result.typeKey(), "cards", result.cards(),
                "operators", DemoData.OPERATORS, "managers", DemoData.MANAGERS)));
        for (DemoResult.NewUser user : result.users()) {
            out.println(passwordEnv == null
                    ? messages.get("demo.user-created", Map.of("email", user.email(), "password", user.password()))
                    : messages.get("demo.user-created-env", Map.of("email", user.email(), "name", passwordEnv)));
        }
        return 0;
    }

    private static String fromEnvironment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new CliFailure("password.env-missing", Map.of("name", name));
        }
        return value;
    }
}
