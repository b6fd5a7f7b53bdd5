package io.sphere.worker;

/**
 * Operators read the worker's log line by line (supervisor, journald); an outage must show up as one readable line
 * per state change, not as pages of stack traces repeated on every retry.
 */
public final class OneLine {

    private static final int MAX = 300;

    private OneLine() {
    }

    /** The innermost cause's message, which names what went wrong (refused connection, SQL state…). */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String text = message == null || message.isBlank()
                ? root.getClass().getSimpleName()
                : message.lines().findFirst().orElse("").strip();
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }
}
