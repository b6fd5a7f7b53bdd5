package io.sphere.core.card;

import java.time.Instant;
import java.util.Optional;

import io.sphere.core.user.UserRef;

public record CommentView(long id, Optional<UserRef> author, String text, Instant createdAt) {
}
