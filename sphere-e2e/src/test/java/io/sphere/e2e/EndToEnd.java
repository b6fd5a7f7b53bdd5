package io.sphere.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Marks a test class that runs the packaged applications. They take a minute and need the machine's PostgreSQL and
 * RabbitMQ, so developers can leave them out with {@code -Dsphere.e2e.skip}; CI and {@code deploy/test.sh} run them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("e2e")
@DisabledIfSystemProperty(named = "sphere.e2e.skip", matches = "(?!false$).*", disabledReason = "-Dsphere.e2e.skip")
@interface EndToEnd {
}
