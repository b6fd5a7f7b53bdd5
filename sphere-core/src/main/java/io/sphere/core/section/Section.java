package io.sphere.core.section;

/**
 * The parts of Sphere a person can open from the top bar. Cards and administration join when their pages exist, so
 * that the top bar never links to a page that is not there.
 */
public enum Section {
    HOME("/"),
    CARDS("/cards"),
    TASKS("/tasks"),
    REQUEST_LOG("/request-log"),
    ADMIN("/admin");

    private final String path;

    Section(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
