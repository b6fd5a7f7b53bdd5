package io.sphere.core.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditTrail;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;
import io.sphere.core.security.SessionService;

/** The users page of administration: every operation needs the superuser. Group membership is in GroupService. */
@ApplicationScoped
@Transactional
public class UserAdminService {

    public static final int MAX_PAGE = 200;

    private final UserRepository users;
    private final UserService userService;
    private final SessionService sessions;
    private final AuditTrail audit;
    private final Event<AccountChanged> changed;
    private final Clock clock;

    UserAdminService(UserRepository users, UserService userService, SessionService sessions, AuditTrail audit,
            Event<AccountChanged> changed, Clock clock) {
        this.users = users;
        this.userService = userService;
        this.sessions = sessions;
        this.audit = audit;
        this.changed = changed;
        this.clock = clock;
    }

    /** Users whose e-mail or name contains {@code search} (blank: everyone), ordered by e-mail; page from 0. */
    public UserPage list(Actor actor, String search, int page, int pageSize) {
        requireSuperuser(actor);
        int size = Math.max(1, Math.min(pageSize, MAX_PAGE));
        int index = Math.max(0, page);
        var query = search == null || search.isBlank()
                ? users.findAll(Sort.by("email"))
                : users.find("lower(email) like ?1 or lower(displayName) like ?1", Sort.by("email"),
                        "%" + search.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "")
                                + "%");
        long total = query.count();
        var items = query.page(Page.of(index, size)).list().stream().map(User::view).toList();
        return new UserPage(items, total, index, size);
    }

    public UserView get(Actor actor, long userId) {
        requireSuperuser(actor);
        return load(userId).view();
    }

    public UserView create(Actor actor, String email, String displayName, String password) {
        requireSuperuser(actor);
        return userService.createUser(email, displayName, password);
    }

    /** Stops a person from logging in and ends their sessions at once; their cards and history stay. */
    public UserView deactivate(Actor actor, long userId) {
        requireSuperuser(actor);
        if (actor.userId() == userId) {
            throw new SphereException(ErrorCode.USER_SELF_DEACTIVATION);
        }
        User user = load(userId);
        user.deactivate(clock.instant());
        sessions.logoutEverywhere(userId);
        changed.fire(new AccountChanged(userId));
        return user.view();
    }

    public UserView activate(Actor actor, long userId) {
        requireSuperuser(actor);
        User user = load(userId);
        user.activate(clock.instant());
        changed.fire(new AccountChanged(userId));
        return user.view();
    }

    public UserView rename(Actor actor, long userId, String displayName) {
        requireSuperuser(actor);
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            throw new SphereException(ErrorCode.DISPLAY_NAME_INVALID, "displayName", Map.of("max", 200));
        }
        User user = load(userId);
        user.rename(displayName.strip(), clock.instant());
        changed.fire(new AccountChanged(userId));
        return user.view();
    }

    /** Sets a new password chosen by the administrator and ends the person's sessions everywhere. */
    public void resetPassword(Actor actor, long userId, String newPassword) {
        requireSuperuser(actor);
        User user = load(userId);
        PasswordPolicy.check(user.getEmail(), newPassword);
        Instant now = clock.instant();
        user.changePassword(BcryptUtil.bcryptHash(newPassword), now);
        sessions.logoutEverywhere(userId);
        audit.general(actor, AuditAction.PASSWORD_CHANGED, List.of(), Map.of("userId", String.valueOf(
                userId), "email", user.getEmail()));
    }

    private User load(long userId) {
        return users.findByIdOptional(userId).orElseThrow(() -> new SphereException(ErrorCode.USER_NOT_FOUND));
    }

    private static void requireSuperuser(Actor actor) {
        if (!actor.superuser()) {
            throw new SphereException(ErrorCode.ACCESS_DENIED);
        }
    }
}
