package io.sphere.core.user;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

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

    /**
     * Names and addresses of these people, in one statement whatever their number. One array parameter keeps the
     * statement (and Hibernate's translation of it) the same for every count, where {@code id IN (...)} was
     * translated anew for each new list length; the rows come back as values, not as managed entities that every
     * later flush would have to check. A pending change to a user in this transaction is flushed first (the
     * statement is synchronised with the user entity).
     */
    public Map<Long, UserRef> refs(Collection<Long> ids) {
        Map<Long, UserRef> refs = new HashMap<>();
        if (ids.isEmpty()) {
            return refs;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = users.getEntityManager()
                .createNativeQuery("SELECT id, email, display_name FROM app_user WHERE id = ANY(?1)")
                .unwrap(NativeQuery.class).addScalar("id", StandardBasicTypes.LONG)
                .addScalar("email", StandardBasicTypes.STRING).addScalar("display_name", StandardBasicTypes.STRING)
                .addSynchronizedEntityClass(User.class)
                .setParameter(1, ids.stream().distinct().toArray(Long[]::new)).getResultList();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            refs.put(id, new UserRef(id, (String) r[1], (String) r[2]));
        }
        return refs;
    }
}
