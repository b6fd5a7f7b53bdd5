package io.sphere.core.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.sphere.core.user.EmailAddress;
import io.sphere.core.user.LoginAccounts;
import io.sphere.core.user.LoginAccounts.Account;

/** Logs people in and out and recognises them on every request, with sessions held in the database. */
@ApplicationScoped
@Transactional
public class SessionService {

    /** Compared against when the e-mail is unknown, so that a miss costs as much time as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("sphere-timing-equaliser-" + System.nanoTime());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionConfig config;
    private final SessionRepository sessions;
    private final LoginAccounts accounts;
    private final Clock clock;

    SessionService(SessionConfig config, SessionRepository sessions, LoginAccounts accounts, Clock clock) {
        this.config = config;
        this.sessions = sessions;
        this.accounts = accounts;
        this.clock = clock;
    }

    public LoginResult login(String rawEmail, String password, String clientIp, String userAgent) {
        Instant now = clock.instant();
        String email = EmailAddress.normalize(rawEmail);
        Optional<Account> account = email.isEmpty() ? Optional.empty() : accounts.forLogin(email);
        String hash = account.map(Account::passwordHash).orElse(DUMMY_HASH);
        boolean passwordMatches = password != null && !password.isEmpty() && BcryptUtil.matches(password, hash);
        if (account.isEmpty()) {
            return new LoginResult.Failure();
        }
        Account a = account.get();
        if (!a.active() || a.lockedAt(now)) {
            return new LoginResult.Failure();
        }
        if (!passwordMatches) {
            accounts.recordFailure(a.id(), now, config.maxFailedLogins(), config.lockDuration());
            return new LoginResult.Failure();
        }
        accounts.recordSuccess(a.id(), now);
        String token = newToken();
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
            sessions.deleteById(hash(token));
        }
    }

    /** Ends every session of a user, for a password change or deactivation. */
    public long logoutEverywhere(long userId) {
        return sessions.delete("userId", userId);
    }

    public long purgeExpired() {
        Instant now = clock.instant();
        return sessions.deleteExpired(now, now.minus(config.idleTimeout()));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private byte[] hash(String token) {
        String key = config.key().filter(k -> !k.isBlank())
                .orElseThrow(() -> new IllegalStateException("sphere.session.key is not set"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(token.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
