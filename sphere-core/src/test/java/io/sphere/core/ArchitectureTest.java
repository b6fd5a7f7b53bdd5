package io.sphere.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sphere.core");

    @Test
    void coreNeverDependsOnTheApplications() {
        noClasses().that().resideInAPackage("io.sphere.core..").should().dependOnClassesThat()
                .resideInAnyPackage("io.sphere.web..", "io.sphere.worker..", "io.sphere.cli..").check(core);
    }

    @Test
    void coreHoldsNoHttpTemplatesOrSchedulers() {
        noClasses().that().resideInAPackage("io.sphere.core..").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "io.quarkus.qute..", "io.quarkus.scheduler..",
                        "io.vertx.ext.web..", "picocli..")
                .check(core);
    }

    @Test
    void importedSomethingToCheck() {
        org.assertj.core.api.Assertions.assertThat(core.size()).isGreaterThan(10);
    }
}
