package io.sphere.core.card;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Cards as other features point at them (tasks, reminders, notifications): only live cards, without a permission
 * check. Callers decide visibility with {@code PermissionService} on {@link CardRef#typeId()}.
 */
@ApplicationScoped
@Transactional
public class CardRefs {

    public record CardRef(long id, String key, String title, long typeId) {

        public String label() {
            return key + " " + title;
        }
    }

    private final CardRepository cards;
    private final CardWatcherRepository watchers;

    CardRefs(CardRepository cards, CardWatcherRepository watchers) {
        this.cards = cards;
        this.watchers = watchers;
    }

    public Optional<CardRef> live(long id) {
        return cards.find("id = ?1 and deletedAt is null", id).firstResultOptional().map(CardRefs::ref);
    }

    public Optional<CardRef> liveByKey(String key) {
        return cards.findLive(key == null ? "" : key.strip()).map(CardRefs::ref);
    }

    public Map<Long, CardRef> live(Collection<Long> ids) {
        Map<Long, CardRef> refs = new HashMap<>();
        if (!ids.isEmpty()) {
            cards.list("id in ?1 and deletedAt is null", ids.stream().distinct().toList())
                    .forEach(c -> refs.put(c.id(), ref(c)));
        }
        return refs;
    }

    /** Who watches a card: they hear of its transitions and comments. */
    public List<Long> watcherIds(long cardId) {
        return watchers.list("cardId", cardId).stream().map(CardWatcher::userId).toList();
    }

    private static CardRef ref(Card c) {
        return new CardRef(c.id(), c.key(), c.title(), c.cardTypeId());
    }
}
