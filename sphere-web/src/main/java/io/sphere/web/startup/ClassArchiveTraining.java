package io.sphere.web.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * The training start of {@code sphere-web --cds-archive}: makes sure the class-data-sharing archive gets every class
 * the start loaded.
 * <p>
 * Java 17 writes into a dynamic archive only those classes of Quarkus' class loader that are <em>linked</em> when the
 * JVM exits. About 2,350 of the web's (most of Hibernate's boot, Jackson, the OpenAPI model) were loaded while others
 * were resolved but never linked, so the JVM skipped them ("Not linked") and every start loaded and verified them
 * again. With {@code sphere.cds.class-log} naming the JVM's class-load log ({@code -Xlog:class+load:file=...}), a
 * shutdown hook links every class listed there just before the JVM writes the archive. Reflection links a class
 * without initialising it, so no static initialiser runs that the start itself did not run. Normal starts do not set
 * the property and this bean does nothing.
 */
@Singleton
class ClassArchiveTraining {

    private final Optional<Path> classLog;

    ClassArchiveTraining(@ConfigProperty(name = "sphere.cds.class-log") Optional<Path> classLog) {
        this.classLog = classLog;
    }

    /** Before {@link StartupGuard}, which ends the training start (it finds no database). */
    void register(@Observes @Priority(0) StartupEvent event) {
        if (classLog.isEmpty()) {
            return;
        }
        Path log = classLog.get();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            int linked = linkAll(log, loader);
            System.err.println("sphere-web: linked " + linked + " loaded classes for the class-data-sharing archive");
        }, "cds-training"));
    }

    /**
     * Links every class the log lists, again as long as linking loads new ones (verification loads the classes it
     * checks against). Returns how many it linked.
     */
    static int linkAll(Path log, ClassLoader loader) {
        Set<String> seen = new HashSet<>();
        int linked = 0;
        boolean more = true;
        for (int round = 0; more && round < 5; round++) {
            more = false;
            for (String name : classNames(log)) {
                if (seen.add(name)) {
                    more = true;
                    if (link(name, loader)) {
                        linked++;
                    }
                }
            }
        }
        return linked;
    }

    /**
     * The classes a log line of {@code -Xlog:class+load} names, in the form {@code name source: where} (any
     * decorations in square brackets first). Hidden classes (lambdas, generated method handles) cannot be archived
     * and are left out.
     */
    static List<String> classNames(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.map(line -> line.replaceFirst("^(\\[[^\\]]*\\])*\\s*", ""))
                    .filter(line -> line.contains(" source: ")).map(line -> line.substring(0, line.indexOf(' ')))
                    .filter(name -> !name.contains("/") && !name.contains("$$Lambda")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class-load log " + log, e);
        }
    }

    private static boolean link(String name, ClassLoader loader) {
        try {
            // Asking for the declared fields makes the JVM link the class (JVM_GetClassDeclaredFields); it is not
            // initialised.
            Class.forName(name, false, loader).getDeclaredFields();
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            // a class whose dependencies are missing (an optional library) cannot be linked, nor archived
            return false;
        }
    }
}
