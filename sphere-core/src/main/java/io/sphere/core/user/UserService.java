package io.sphere.core.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditTrail;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;

@ApplicationScoped
@Transactional
public class UserService {

    public static final Set<String> LOCALES = Set.of("en", "ru");

    public enum SuperuserOutcome {
        CREATED,
        PASSWORD_UPDATED
    }

    private final UserRepository users;
    private final AuditTrail audit;
    private final Event<AccountChanged> changed;
    private final Clock clock;

    UserService(UserRepository users, AuditTrail audit, Event<AccountChanged> changed, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.changed = changed;
        this.clock = clock;
    }

    /**
     * Creates a superuser with full access to every section (S3). An existing account is refused unless
     * {@code updatePassword}, which then sets its password and makes it an active superuser.
     */
    public SuperuserOutcome createSuperuser(String rawEmail, String password, boolean updatePassword) {
        if (!EmailAddress.isValid(rawEmail)) {
            throw new SphereException(ErrorCode.EMAIL_INVALID, "email", Map.of("email", String.valueOf(rawEmail)));
        }
        String email = EmailAddress.normalize(rawEmail);
        Optional<User> existing = users.findByEmail(email);
        if (existing.isPresent() && !updatePassword) {
            throw new SphereException(ErrorCode.USER_EXISTS, "email", Map.of("email", email));
        }
        PasswordPolicy.check(email, password);
        String hash = BcryptUtil.bcryptHash(password);
        Instant now = clock.instant();
        if (existing.isPresent()) {
            User user = existing.get();
            user.changePassword(hash, now);
            user.grantSuperuser(now);
            changed.fire(new AccountChanged(user.view().id()));
            audit.security(user.view().id(), email, AuditAction.PASSWORD_CHANGED, Map.of("via", "create-superuser"));
            return SuperuserOutcome.PASSWORD_UPDATED;
        }
        users.persist(User.register(email, displayNameFor(email), hash, true, now));
        return SuperuserOutcome.CREATED;
    }

    /** Creates an ordinary, active user; administrators' pages build on this. */
    public UserView createUser(String rawEmail, String displayName, String password) {
        if (!EmailAddress.isValid(rawEmail)) {
            throw new SphereException(ErrorCode.EMAIL_INVALID, "email", Map.of("email", String.valueOf(rawEmail)));
        }
        String email = EmailAddress.normalize(rawEmail);
        if (users.findByEmail(email).isPresent()) {
            throw new SphereException(ErrorCode.USER_EXISTS, "email", Map.of("email", email));
        }
        PasswordPolicy.check(email, password);
        String name = displayName == null || displayName.isBlank() ? displayNameFor(email) : displayName.strip();
        User user = User.register(email, name, BcryptUtil.bcryptHash(password), false, clock.instant());
        users.persist(user);
        return user.view();
    }

    /**
     * The account that commands run by the operator at the shell act as: the oldest active superuser, because the
     * shell is trusted like a superuser but every change must still be attributed to a real account.
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<UserView> oldestActiveSuperuser() {
        return users.find("superuser = true and active = true order by id").firstResultOptional().map(User::view);
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<UserView> find(long id) {
        return users.findByIdOptional(id).map(User::view);
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<UserView> findByEmail(String email) {
        return users.findByEmail(email).map(User::view);
    }

    /** The person's language for every page; {@code null} goes back to the browser's choice. */
    public void chooseLocale(long userId, String locale) {
        if (locale != null && !LOCALES.contains(locale)) {
            throw new SphereException(ErrorCode.LOCALE_UNSUPPORTED, "locale", Map.of("locale", locale));
        }
        User user = users.findByIdOptional(userId)
                .orElseThrow(() -> new SphereException(ErrorCode.USER_NOT_FOUND));
        user.chooseLocale(locale, clock.instant());
        changed.fire(new AccountChanged(userId));
    }

    /** The zone in which the person's dates are shown and "tomorrow 9:00" is meant (an IANA name such as UTC). */
    public void chooseTimeZone(long userId, String zone) {
        String z = zone == null ? "" : zone.strip();
        if (!java.time.ZoneId.getAvailableZoneIds().contains(z)) {
            throw new SphereException(ErrorCode.TIME_ZONE_UNKNOWN, "timeZone", Map.of("zone", z));
        }
        User user = users.findByIdOptional(userId)
                .orElseThrow(() -> new SphereException(ErrorCode.USER_NOT_FOUND));
        user.chooseTimeZone(z, clock.instant());
        changed.fire(new AccountChanged(userId));
    }

    private static String displayNameFor(String email) {
        return email.substring(0, email.indexOf('@'));
    }
}
