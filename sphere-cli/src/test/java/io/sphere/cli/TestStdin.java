package io.sphere.cli;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.quarkus.dev.console.QuarkusConsole;

/**
 * Types a line on the standard input of an in-process launch. {@code System.setIn} before the launch does not work:
 * {@code @QuarkusMainTest} swaps {@code System.in} for the Quarkus console's stream on every launch, and that stream
 * only takes input while the application is reading from it, which is exactly what a person at a keyboard does.
 */
final class TestStdin {

    private static final long GIVE_UP_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);

    private TestStdin() {
    }

    static void type(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        Thread typist = new Thread(() -> {
            long deadline = System.nanoTime() + GIVE_UP_AFTER_NANOS;
            int typed = 0;
            while (typed < bytes.length && System.nanoTime() < deadline) {
                QuarkusConsole.StateChangeInputStream in = QuarkusConsole.REDIRECT_IN;
                if (in != null && in.acceptInput(bytes[typed])) {
                    typed++;
                } else {
                    pause();
                }
            }
        }, "test-stdin");
        typist.setDaemon(true);
        typist.start();
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
