package io.sphere.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;

import picocli.CommandLine;

/** Gives the command line the operator's language for its help and one error handler for every command. */
@ApplicationScoped
class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory, Messages messages, ErrorReporter errors) {
        return factory.create().setResourceBundle(messages.bundle()).setExecutionExceptionHandler(errors)
                .setOut(utf8(System.out)).setErr(utf8(System.err));
    }

    /**
     * Always UTF-8: Java derives its default from the locale, and a server whose LANG names a locale that is not
     * generated (common for ru_RU.UTF-8 on minimal images) would otherwise print Russian as question marks.
     */
    private static PrintWriter utf8(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
