package io.sphere.core.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A person who logs in. Entities stay inside core: pages and commands see {@link UserView}. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Username
    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    private String passwordHash;

    private boolean active;

    private boolean superuser;

    /** Derived by the database from {@link #superuser}; read here for quarkus-security-jpa. */
    @Roles
    @Column(insertable = false, updatable = false)
    private String roles;

    private String locale;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected User() {
    }

    static User register(String email, String displayName, String passwordHash, boolean superuser, Instant now) {
        User user = new User();
        user.email = email;
        user.displayName = displayName;
        user.passwordHash = passwordHash;
        user.superuser = superuser;
        user.active = true;
        user.timeZone = "UTC";
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.updatedAt = now;
    }

    void grantSuperuser(Instant now) {
        this.superuser = true;
        this.active = true;
        this.updatedAt = now;
    }

    void chooseTimeZone(String zone, Instant now) {
        this.timeZone = zone;
        this.updatedAt = now;
    }

    void chooseLocale(String locale, Instant now) {
        this.locale = locale;
        this.updatedAt = now;
    }

    void deactivate(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    void activate(Instant now) {
        this.active = true;
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.updatedAt = now;
    }

    void rename(String displayName, Instant now) {
        this.displayName = displayName;
        this.updatedAt = now;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    /** Counts a wrong password; the account locks for {@code lockFor} once {@code maxFailures} is reached. */
    void recordFailedLogin(Instant now, int maxFailures, Duration lockFor) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            failedLogins = 0;
        }
    }

    void recordLogin(Instant now) {
        lastLoginAt = now;
        failedLogins = 0;
        lockedUntil = null;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getRoles() {
        return roles;
    }

    boolean isActive() {
        return active;
    }

    boolean isSuperuser() {
        return superuser;
    }

    UserRef ref() {
        return new UserRef(id, email, displayName);
    }

    UserView view() {
        return new UserView(id, email, displayName, superuser, active, Optional.ofNullable(locale), timeZone,
                Optional.ofNullable(lastLoginAt));
    }
}
