package io.sphere.core.user;

import java.util.List;

/** One page of the users list for administrators, ordered by e-mail; {@code total} counts every match. */
public record UserPage(List<UserView> users, long total, int page, int pageSize) {
}
