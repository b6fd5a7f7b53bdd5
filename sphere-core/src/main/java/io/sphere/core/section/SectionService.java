package io.sphere.core.section;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;

/** Which sections a person may open. The superuser has every section (S3). */
@ApplicationScoped
public class SectionService {

    private final Predicate<Actor> administersAny;

    @Inject
    SectionService(PermissionService permissions) {
        this(permissions::administersAny);
    }

    /** @param administersAny whether a person administers at least one card type (opens administration) */
    SectionService(Predicate<Actor> administersAny) {
        this.administersAny = administersAny;
    }

    public List<Section> visibleTo(Actor actor) {
        return Arrays.stream(Section.values()).filter(s -> mayOpen(actor, s)).toList();
    }

    /**
     * The sections that can be decided without the database, for pages answered where no query may run (an error
     * page rendered on the IO thread): administration then shows for the superuser only.
     */
    public List<Section> visibleWithoutLookup(Actor actor) {
        return Arrays.stream(Section.values())
                .filter(s -> s == Section.ADMIN ? actor.superuser() : mayOpen(actor, s)).toList();
    }

    public boolean mayOpen(Actor actor, Section section) {
        return switch (section) {
            case HOME -> true;
            case REQUEST_LOG -> actor.superuser();
            case CARDS -> true;
            case ADMIN -> actor.superuser() || administersAny.test(actor);
            case TASKS -> true;
        };
    }

    public void requireOpen(Actor actor, Section section) {
        if (!mayOpen(actor, section)) {
            throw new SphereException(ErrorCode.ACCESS_DENIED);
        }
    }
}
