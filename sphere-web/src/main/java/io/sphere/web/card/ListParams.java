package io.sphere.web.card;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The query of a card list as the URL carries it, so that a list can be bookmarked and shared; links to other pages,
 * orders and tabs are this query with a few parameters changed.
 */
final class ListParams {

    static final List<String> NAMES = List.of("scope", "type", "q", "stage", "assignee", "overdue", "priority",
            "createdFrom", "createdTo", "updatedFrom", "updatedTo", "sort", "open");

    private final Map<String, String> values = new LinkedHashMap<>();

    private ListParams() {
    }

    static ListParams of(MultivaluedMap<String, String> query) {
        ListParams p = new ListParams();
        for (String name : NAMES) {
            String v = query.getFirst(name);
            if (v != null && !v.isBlank()) {
                p.values.put(name, v.strip());
            }
        }
        query.forEach((name, list) -> {
            if (name.startsWith("field.") && name.length() > "field.".length() && !list.isEmpty()
                    && list.get(0) != null && !list.get(0).isBlank()) {
                p.values.put(name, list.get(0).strip());
            }
        });
        return p;
    }

    String get(String name) {
        return values.getOrDefault(name, "");
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("field.")) {
                fields.put(k.substring("field.".length()), v);
            }
        });
        return fields;
    }

    /** A link to this list with {@code changes} applied (a null or blank value removes the parameter). */
    String href(String... changes) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        for (int i = 0; i + 1 < changes.length; i += 2) {
            if (changes[i + 1] == null || changes[i + 1].isBlank()) {
                copy.remove(changes[i]);
            } else {
                copy.put(changes[i], changes[i + 1]);
            }
        }
        StringBuilder sb = new StringBuilder("/cards");
        char sep = '?';
        for (var e : copy.entrySet()) {
            sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return sb.toString();
    }
}
