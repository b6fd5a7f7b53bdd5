package io.sphere.web.api;

import java.time.Instant;
import java.util.List;

import io.sphere.core.card.CardSummary;
import io.sphere.core.card.CardView;
import io.sphere.core.card.CommentView;
import io.sphere.core.card.FieldValueView;
import io.sphere.core.card.Priority;
import io.sphere.core.card.TransitionView;
import io.sphere.core.cardtype.FieldKind;
import io.sphere.core.group.GroupRef;
import io.sphere.core.user.UserRef;

/**
 * A card on the API. {@code version} goes back with every update and transition; {@code transitions} are the ones the
 * caller may fire from the current stage (empty in a conflict answer).
 */
public record CardJson(String key, String type, String typeName, long number, String title, List<Field> fields,
        List<Field> removedFields, String stage, String stageName, boolean closed, Person assignee,
        Group candidateGroup, Priority priority, Instant dueAt, boolean overdue, Person createdBy, Instant createdAt,
        Person updatedBy, Instant updatedAt, Instant closedAt, List<Person> watchers, long version,
        List<Transition> transitions) {

    /** {@code value} as stored (string, number, boolean, user id, list of options); {@code display} for people. */
    public record Field(String key, String label, FieldKind kind, Object value, String display) {

        static Field of(FieldValueView v) {
            return new Field(v.key(), v.label(), v.kind(), v.value(), v.display());
        }
    }

    public record Person(long id, String email, String displayName) {

        static Person of(UserRef r) {
            return r == null ? null : new Person(r.id(), r.email(), r.displayName());
        }
    }

    public record Group(long id, String name) {
    }

    public record Transition(String key, String label, String to, String toName, boolean closes,
            List<String> missingFields) {

        static Transition of(TransitionView t) {
            return new Transition(t.key(), t.label(), t.to(), t.toName(), t.closes(), t.missingFields());
        }
    }

    /** A card in a list. */
    public record Summary(String key, String type, String typeName, String title, String stage, String stageName,
            boolean closed, Person assignee, Priority priority, Instant dueAt, boolean overdue, Instant createdAt,
            Instant updatedAt, long version) {

        static Summary of(CardSummary s) {
            return new Summary(s.key(), s.typeKey(), s.typeName(), s.title(), s.stage(), s.stageName(), s.closed(),
                    s.assignee().map(Person::of).orElse(null), s.priority(), s.dueAt().orElse(null), s.overdue(),
                    s.createdAt(), s.updatedAt(), s.version());
        }
    }

    public record Comment(long id, Person author, String text, Instant createdAt) {

        static Comment of(CommentView c) {
            return new Comment(c.id(), c.author().map(Person::of).orElse(null), c.text(), c.createdAt());
        }
    }

    public static CardJson of(CardView c, List<TransitionView> transitions) {
        return new CardJson(c.key(), c.typeKey(), c.typeName(), c.number(), c.title(),
                c.fields().stream().map(Field::of).toList(), c.removedFields().stream().map(Field::of).toList(),
                c.stage(), c.stageName(), c.closed(), c.assignee().map(Person::of).orElse(null),
                c.candidateGroup().map(CardJson::group).orElse(null), c.priority(), c.dueAt().orElse(null),
                c.overdue(), c.createdBy().map(Person::of).orElse(null), c.createdAt(),
                c.updatedBy().map(Person::of).orElse(null), c.updatedAt(), c.closedAt().orElse(null),
                c.watchers().stream().map(Person::of).toList(), c.version(),
                transitions.stream().map(Transition::of).toList());
    }

    private static Group group(GroupRef g) {
        return new Group(g.id(), g.name());
    }
}
