package io.sphere.core.card;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class CardWatcherRepository implements PanacheRepositoryBase<CardWatcher, CardWatcher.Key> {
}
