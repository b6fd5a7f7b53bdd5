package io.sphere.core.card;

import java.util.List;

/**
 * A transition button: where it leads and which of its required fields the card still lacks (the page can ask
 * for them before firing).
 */
public record TransitionView(String key, String label, String from, String to, String toName, boolean closes,
        List<String> requiredFields, List<String> missingFields) {
}
