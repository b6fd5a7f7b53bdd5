package io.sphere.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the card type commands; on its own it lists them, like the top command. */
@Command(name = "card-type", mixinStandardHelpOptions = true,
        subcommands = {CardTypeExportCommand.class, CardTypeImportCommand.class},
        description = "Export a card type to a JSON file or import one (format: docs/card-type-format.md).")
class CardTypeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
