package io.sphere.core.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditTrail;
import io.sphere.core.user.EmailAddress;
import io.sphere.core.user.LoginAccounts;
import io.sphere.core.user.LoginAccounts.Account;

/** Logs people in and out and recognises them on every request, with sessions held in the database. */
@ApplicationScoped
@Transactional
public class SessionService {

    /**
     * Compared against when the e-mail is unknown, so that a miss costs as much time as a wrong password: a bcrypt
     * hash of 32 random bytes nobody kept, at the cost {@link BcryptUtil#bcryptHash(String)} uses (10). A constant,
     * because hashing one here ran a full bcrypt on the first request after every start (on the event loop).
     */
    static final String DUMMY_HASH = "$2a$10$P.LwmLIoHkD/Xc9hb3izsutvG.IFAHjcsr3OkeyA9STrGIUA57k0K";

    private final SessionConfig config;
    private final SessionRepository sessions;
    private final LoginAccounts accounts;
    private final BearerTokens secrets;
    private final AuditTrail audit;
    private final Clock clock;

    SessionService(SessionConfig config, SessionRepository sessions, LoginAccounts accounts, BearerTokens secrets,
            AuditTrail audit, Clock clock) {
        this.config = config;
        this.sessions = sessions;
        this.accounts = accounts;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    public LoginResult login(String rawEmail, String password, String clientIp, String userAgent) {
        Instant now = clock.instant();
        String email = EmailAddress.normalize(rawEmail);
        Optional<Account> account = email.isEmpty() ? Optional.empty() : accounts.forLogin(email);
        String hash = account.map(Account::passwordHash).orElse(DUMMY_HASH);
        boolean passwordMatches = password != null && !password.isEmpty() && BcryptUtil.matches(password, hash);
        if (account.isEmpty()) {
            return failed(null, email, "unknown-account");
        }
        Account a = account.get();
        if (!a.active() || a.lockedAt(now)) {
            return failed(a.id(), email, a.active() ? "locked" : "inactive");
        }
        if (!passwordMatches) {
            accounts.recordFailure(a.id(), now, config.maxFailedLogins(), config.lockDuration());
            return failed(a.id(), email, "wrong-password");
        }
        accounts.recordSuccess(a.id(), now);
        audit.security(a.id(), email, AuditAction.LOGIN, Map.of());
        String token = secrets.newToken("");
        UserSession session = UserSession.open(hash(token), a.id(), now, config.absoluteLifetime(), clientIp,
                userAgent);
        sessions.persist(session);
        return new LoginResult.Success(token, a.principal(), session.expiresAt());
    }

    /** The person behind a token, if the session is live and the account still active. */
    public Optional<SessionPrincipal> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<UserSession> found = sessions.findByIdOptional(hash(token));
        if (found.isEmpty() || !found.get().isLiveAt(now, config.idleTimeout())) {
            return Optional.empty();
        }
        UserSession session = found.get();
        Optional<Account> account = accounts.byId(session.userId()).filter(Account::active);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(account.get().principal());
    }

    public void logout(String token) {
        if (token != null && !token.isEmpty() && token.length() <= 100) {
            sessions.findByIdOptional(hash(token)).ifPresent(s -> {
                sessions.delete(s);
                audit.security(s.userId(), accounts.byId(s.userId()).map(a -> a.principal().email()).orElse(null),
                        AuditAction.LOGOUT, Map.of());
            });
        }
    }

    /** The e-mail as typed (cut to a sane length) tells an administrator which account someone tried. */
    private LoginResult failed(Long userId, String email, String reason) {
        String tried = email.length() > 254 ? email.substring(0, 254) : email;
        audit.security(userId, tried.isEmpty() ? null : tried, AuditAction.LOGIN_FAILED, Map.of("reason", reason));
        return new LoginResult.Failure();
    }

    /** Ends every session of a user, for a password change or deactivation. */
    public long logoutEverywhere(long userId) {
        return sessions.delete("userId", userId);
    }

    public long purgeExpired() {
        Instant now = clock.instant();
        return sessions.deleteExpired(now, now.minus(config.idleTimeout()));
    }

    private byte[] hash(String token) {
        return secrets.hash(token);
    }
}
