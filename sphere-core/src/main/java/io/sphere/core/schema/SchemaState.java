package io.sphere.core.schema;

import java.util.List;
import java.util.Optional;

/**
 * How the database's schema compares with the migrations this build carries: {@code pending} are in the code but
 * not applied; {@code future} are applied but unknown to the code (the database is newer than Sphere).
 */
public record SchemaState(Optional<String> appliedVersion, String codeVersion, List<String> pending,
        List<String> future) {

    public boolean isCurrent() {
        return pending.isEmpty() && future.isEmpty();
    }
}
