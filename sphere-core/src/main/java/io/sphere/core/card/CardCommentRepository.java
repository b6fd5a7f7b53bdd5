package io.sphere.core.card;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class CardCommentRepository implements PanacheRepository<CardComment> {
}
