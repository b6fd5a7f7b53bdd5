package io.sphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code status} with RabbitMQ out of reach; a class of its own because it needs its own configuration. */
@QuarkusMainTest
@TestProfile(StatusWithBrokerDownTest.BrokerOnClosedPort.class)
class StatusWithBrokerDownTest {

    /** Port 1 (tcpmux) has nothing listening on a normal machine, so the connection is refused at once. */
    public static class BrokerOnClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sphere.broker.port", "1");
        }
    }

    @Test
    void unreachableBrokerPrintsFailWithTheReasonAndExitsNonZero(QuarkusMainLauncher launcher) {
        TestSchema.migrate();

        LaunchResult result = launcher.launch("status");

        assertThat(result.exitCode()).isEqualTo(1);
        // Three checks; a WARN line about this machine's autovacuum may follow them.
        assertThat(result.getOutputStream()).filteredOn(line -> !line.startsWith("WARN ")).hasSize(3);
        assertThat(result.getOutputStream().get(0)).startsWith("OK   database");
        assertThat(result.getOutputStream().get(1)).startsWith("OK   schema");
        assertThat(result.getOutputStream().get(2)).startsWith("FAIL broker amqp://guest@127.0.0.1:1/ is unreachable: ")
                .contains("refused");
        assertThat(result.getErrorOutput()).isEmpty();
    }
}
