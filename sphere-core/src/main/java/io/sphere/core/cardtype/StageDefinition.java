package io.sphere.core.cardtype;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One stage of the workflow. A card entering a final stage is closed; leaving it reopens the card. {@code sla} is
 * an ISO-8601 duration ({@code PT4H}, {@code P2D}) or {@code null}.
 */
public record StageDefinition(String key, String name, boolean initial, @JsonProperty("final") boolean isFinal,
        String sla) {

    public Optional<Duration> slaDuration() {
        if (sla == null || sla.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse(sla.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
