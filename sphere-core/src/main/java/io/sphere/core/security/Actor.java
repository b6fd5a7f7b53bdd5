package io.sphere.core.security;

/**
 * Who asks core to do something. Pages and the API build it from the session, commands from the operator's
 * shell; core services decide from it, never from an id that came with the request.
 */
public record Actor(long userId, String email, boolean superuser) {

    public static Actor of(SessionPrincipal p) {
        return new Actor(p.userId(), p.email(), p.superuser());
    }
}
