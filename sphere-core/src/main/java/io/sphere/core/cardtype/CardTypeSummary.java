package io.sphere.core.cardtype;

import java.util.Set;

import io.sphere.core.permission.Action;

/** A card type in a list, with what the actor may do with it (buttons: "new card", "edit type"). */
public record CardTypeSummary(long id, String key, String name, String description, Set<Action> actions) {
}
