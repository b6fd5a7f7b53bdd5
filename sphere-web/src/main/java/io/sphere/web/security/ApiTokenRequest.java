package io.sphere.web.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A personal API token from {@code Authorization: Bearer}, on its way to {@link ApiTokenIdentityProvider}. */
final class ApiTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    ApiTokenRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
