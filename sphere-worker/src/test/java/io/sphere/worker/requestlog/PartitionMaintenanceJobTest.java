package io.sphere.worker.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.testing.TestDatabase;

@QuarkusTest
class PartitionMaintenanceJobTest {

    @Inject
    PartitionMaintenanceJob job;

    @Test
    void partitionsExistForThisMonthAndTheNextThree() {
        job.run();

        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        for (int i = 0; i <= 3; i++) {
            String name = "request_log_" + month.plusMonths(i).format(DateTimeFormatter.ofPattern("yyyy_MM"));
            assertThat(TestDatabase.count("SELECT count(*) FROM pg_class WHERE relname = ?", name)).as(name)
                    .isEqualTo(1);
        }
    }
}
