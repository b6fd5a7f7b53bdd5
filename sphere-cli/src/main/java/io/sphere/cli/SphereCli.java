package io.sphere.cli;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.picocli.runtime.annotations.TopCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The operator's entry point. Descriptions here are the English fallback; the texts a person reads come from
 * {@code io/sphere/cli/messages*.properties} in the language of the environment.
 */
@TopCommand
@Command(name = "sphere-cli", mixinStandardHelpOptions = true, versionProvider = SphereCli.Version.class,
        subcommands = {
                MigrateCommand.class, CreateSuperuserCommand.class,
                StatusCommand.class, CardTypeCommand.class, DemoCommand.class, RetentionCommand.class},
        description = "Operator commands for a Sphere installation.")
class SphereCli implements Runnable {

    @Spec
    CommandSpec spec;

    /**
     * Inherited so that it works before or after the subcommand's name. {@link ErrorReporter} reads it from the
     * parse result rather than from this field, which is why the field itself is never read.
     */
    @Option(names = "--verbose", scope = ScopeType.INHERIT, descriptionKey = "verbose",
            description = "Print the full stack trace when a command fails.")
    boolean verbose;

    /** A bare run is how an operator discovers the commands, so it is not an error. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"sphere-cli " + ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.application.version", String.class).orElse("unknown")};
        }
    }
}
