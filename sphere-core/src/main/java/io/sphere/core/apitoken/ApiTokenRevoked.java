package io.sphere.core.apitoken;

/** Fired in the transaction that revoked a token; {@link ApiTokenCache} forgets the token when it ends. */
record ApiTokenRevoked(long tokenId) {
}
