package io.sphere.core.section;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;

/** Which sections a person may open. The superuser has every section (S3). */
@ApplicationScoped
public class SectionService {

    public List<Section> visibleTo(Actor actor) {
        return Arrays.stream(Section.values()).filter(s -> mayOpen(actor, s)).toList();
    }

    public boolean mayOpen(Actor actor, Section section) {
        return switch (section) {
            case HOME -> true;
            case REQUEST_LOG -> actor.superuser();
            case TASKS -> true;
        };
    }

    public void requireOpen(Actor actor, Section section) {
        if (!mayOpen(actor, section)) {
            throw new SphereException(ErrorCode.ACCESS_DENIED);
        }
    }
}
