package io.sphere.core.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sphere.core.security.SessionPrincipal;

/** The slice of the user feature that logging in needs, so that the session feature never sees the entity. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LoginAccounts {

    public record Account(long id, String passwordHash, boolean active, Instant lockedUntil,
            SessionPrincipal principal) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final UserRepository users;

    LoginAccounts(UserRepository users) {
        this.users = users;
    }

    public Optional<Account> forLogin(String email) {
        return users.findByEmail(email).map(LoginAccounts::account);
    }

    public Optional<Account> byId(long id) {
        return users.findByIdOptional(id).map(LoginAccounts::account);
    }

    public void recordFailure(long id, Instant now, int maxFailures, Duration lockFor) {
        users.findByIdOptional(id).ifPresent(u -> u.recordFailedLogin(now, maxFailures, lockFor));
    }

    public void recordSuccess(long id, Instant now) {
        users.findByIdOptional(id).ifPresent(u -> u.recordLogin(now));
    }

    private static Account account(User u) {
        UserView v = u.view();
        return new Account(v.id(), u.getPasswordHash(), v.active(), u.lockedUntil(),
                new SessionPrincipal(v.id(), v.email(), v.displayName(), v.superuser(), v.locale(), v.timeZone()));
    }
}
