package io.sphere.core.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bearer secrets (session cookies, API tokens): 32 random bytes handed out once, stored only as their HMAC-SHA256
 * under {@code sphere.session.key}, so a copy of the database yields nothing usable without the key.
 */
@ApplicationScoped
public class BearerTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionConfig config;

    BearerTokens(SessionConfig config) {
        this.config = config;
    }

    public String newToken(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public byte[] hash(String token) {
        String key = config.key().filter(k -> !k.isBlank())
                .orElseThrow(() -> new IllegalStateException("sphere.session.key is not set"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
