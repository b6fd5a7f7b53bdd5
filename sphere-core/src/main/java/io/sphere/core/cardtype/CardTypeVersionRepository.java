package io.sphere.core.cardtype;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class CardTypeVersionRepository implements PanacheRepositoryBase<CardTypeVersion, CardTypeVersion.Key> {
}
