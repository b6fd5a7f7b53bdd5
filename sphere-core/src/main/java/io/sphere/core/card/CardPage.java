package io.sphere.core.card;

import java.util.List;
import java.util.Optional;

/**
 * One page of a card list, the number of cards matching the filter that the actor may see, the cursors of the next
 * page ({@link CardQuery#list}) and of the previous one ({@link CardQuery#listBefore}), when there are such pages.
 * The total is exact up to {@link CardQuery#TOTAL_CAP}; when more cards match, {@code total} is the cap and
 * {@code totalIsLowerBound} is true ("10,000 or more").
 */
public record CardPage(List<CardSummary> items, long total, boolean totalIsLowerBound, Optional<String> nextCursor,
        Optional<String> previousCursor) {
}
