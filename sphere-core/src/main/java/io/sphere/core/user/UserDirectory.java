package io.sphere.core.user;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Looks people up for other features (cards show names, fields of kind USER need a real, active user). * <p>
 * Reads run in a transaction too, not {@code SUPPORTS}: outside one, Hibernate serves them from the request-scoped
 * session, which may still hold an entity loaded before a write made earlier in the same request (S14: never a
 * stale card or permission).
 */
@ApplicationScoped
@Transactional
public class UserDirectory {

    private final UserRepository users;

    UserDirectory(UserRepository users) {
        this.users = users;
    }

    public Optional<UserView> find(long id) {
        return users.findByIdOptional(id).map(User::view);
    }

    /** The active user with this id, if any: inactive people cannot be assigned or chosen in a field. */
    public Optional<UserView> findActive(long id) {
        return find(id).filter(UserView::active);
    }

    public Map<Long, UserRef> refs(Collection<Long> ids) {
        Map<Long, UserRef> refs = new HashMap<>();
        if (!ids.isEmpty()) {
            users.list("id in ?1", ids.stream().distinct().toList()).forEach(u -> refs.put(u.getId(), u.ref()));
        }
        return refs;
    }
}
