package io.sphere.core.permission;

/**
 * What a group may do with the cards of a type. The actions are independent: ADMINISTER (edit the type and its
 * permission matrix) does not imply VIEW, so an administrator of a type grants themself VIEW through a group.
 */
public enum Action {
    VIEW,
    CREATE,
    EDIT,
    TRANSITION,
    DELETE,
    ADMINISTER
}
