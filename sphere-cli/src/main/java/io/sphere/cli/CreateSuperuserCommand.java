package io.sphere.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.control.ActivateRequestContext;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.user.EmailAddress;
import io.sphere.core.user.UserService;
import io.sphere.core.user.UserService.SuperuserOutcome;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * S3. The password never comes from argv, where {@code ps} and shell history would show it to other users: it is
 * typed at a prompt, piped in, or named by an environment variable for automation.
 */
@Command(name = "create-superuser", mixinStandardHelpOptions = true,
        description = "Create a superuser, or with --update-password set a new password for an existing account.")
class CreateSuperuserCommand implements Callable<Integer> {

    private final UserService users;
    private final Messages messages;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EMAIL", descriptionKey = "email",
            description = "E-mail address the superuser logs in with.")
    String email;

    @ArgGroup(exclusive = true)
    PasswordOrigin origin;

    @Option(names = "--update-password", descriptionKey = "update-password",
            description = "If the account exists, set its password and make it an active superuser.")
    boolean updatePassword;

    CreateSuperuserCommand(UserService users, Messages messages) {
        this.users = users;
        this.messages = messages;
    }

    static final class PasswordOrigin {
        @Option(names = "--password-stdin", descriptionKey = "password-stdin",
                description = "Read the password from the first line of standard input.")
        boolean stdin;

        @Option(names = "--password-env", paramLabel = "NAME", descriptionKey = "password-env",
                description = "Read the password from the environment variable NAME.")
        String env;
    }

    /**
     * Core's reads are {@code @Transactional(SUPPORTS)} and need a request context, which nothing opens for a
     * command line; core's writes open their own transaction.
     */
    @Override
    @ActivateRequestContext
    public Integer call() {
        checkBeforeAskingForPassword();
        String password = password();
        SuperuserOutcome outcome = users.createSuperuser(email, password, updatePassword);
        String key = outcome == SuperuserOutcome.CREATED
                ? "create-superuser.created"
                : "create-superuser.password-updated";
        spec.commandLine().getOut().println(messages.get(key, Map.of("email", EmailAddress.normalize(email))));
        return 0;
    }

    /**
     * Core checks these again inside its transaction; checking first spares the operator typing a password twice
     * only to learn that the address was mistyped or already taken.
     */
    private void checkBeforeAskingForPassword() {
        if (!EmailAddress.isValid(email)) {
            throw new SphereException(ErrorCode.EMAIL_INVALID, "email", Map.of("email", String.valueOf(email)));
        }
        String normalized = EmailAddress.normalize(email);
        if (!updatePassword && users.findByEmail(normalized).isPresent()) {
            throw new SphereException(ErrorCode.USER_EXISTS, "email", Map.of("email", normalized));
        }
    }

    private String password() {
        if (origin != null && origin.stdin) {
            return fromStdin();
        }
        if (origin != null && origin.env != null) {
            return fromEnvironment(origin.env);
        }
        return fromPrompt();
    }

    private static String fromStdin() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new CliFailure("password.stdin-empty", Map.of());
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fromEnvironment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new CliFailure("password.env-missing", Map.of("name", name));
        }
        return value;
    }

    private String fromPrompt() {
        Console console = System.console();
        if (console == null) {
            throw new CliFailure("password.no-console", Map.of());
        }
        char[] first = console.readPassword("%s", messages.get("password.prompt"));
        char[] second = first == null ? null : console.readPassword("%s", messages.get("password.prompt-again"));
        try {
            if (first == null || second == null) {
                throw new CliFailure("password.prompt-cancelled", Map.of());
            }
            if (!Arrays.equals(first, second)) {
                throw new CliFailure("password.mismatch", Map.of());
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }
}
