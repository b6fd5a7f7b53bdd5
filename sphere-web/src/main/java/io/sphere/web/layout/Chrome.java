package io.sphere.web.layout;

import java.util.List;

/**
 * What the shared layout needs on every page: language, the person, and the sections in the top bar. {@code forms}
 * is false on error pages answered before the CSRF filter ran: without a token, the layout leaves its forms out.
 * {@code unreadNotifications} is the number on the bell.
 */
public record Chrome(String lang, boolean signedIn, String userName, String userEmail, List<NavItem> nav,
        String currentPath, boolean forms, long unreadNotifications) {

    public record NavItem(String id, String label, String href, boolean active) {
    }
}
