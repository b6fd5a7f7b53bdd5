package io.sphere.core.task;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class TaskRepository implements PanacheRepository<Task> {

    /** Locked until the end of the transaction, so that two people claiming at once cannot both win. */
    Optional<Task> findForUpdate(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
