package io.sphere.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process and everything below it, so that no test leaves a JVM, nginx or supervisord behind. */
final class ProcessTrees {

    private ProcessTrees() {
    }

    /**
     * SIGTERM, then SIGKILL to whatever is still alive after {@code timeout}. With {@code termDescendants} false
     * only the top gets SIGTERM, for a parent (supervisord) that stops its own children gracefully.
     */
    static void stop(ProcessHandle top, Duration timeout, boolean termDescendants) {
        List<ProcessHandle> all = new ArrayList<>(top.descendants().toList());
        all.add(0, top);
        if (termDescendants) {
            all.forEach(ProcessHandle::destroy);
        } else {
            top.destroy();
        }
        Instant deadline = Instant.now().plus(timeout);
        for (ProcessHandle handle : all) {
            try {
                Duration left = Duration.between(Instant.now(), deadline);
                handle.onExit().get(Math.max(left.toMillis(), 1), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        // destroyForcibly is asynchronous; wait briefly so that ports and files are free for the next test
        all.forEach(handle -> {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // nothing more to do after SIGKILL; the next start kills leftovers
            }
        });
    }
}
