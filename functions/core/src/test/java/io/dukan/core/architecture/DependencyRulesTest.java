package io.dukan.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Core is plain Java: no AWS SDK, no Micronaut, no HTTP; features depend on each other only through core types. */
class DependencyRulesTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dukan.core");

    @Test
    void core_dependsOnNoCloudSdkAndNoFramework() {
        noClasses()
                .that()
                .resideInAPackage("io.dukan.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "software.amazon..",
                        "com.amazonaws..",
                        "io.micronaut..",
                        "jakarta.ws..",
                        "org.slf4j..",
                        "com.fasterxml..")
                .check(core);
    }

    @Test
    void core_knowsNothingOfTheAdaptersOrFunctions() {
        noClasses()
                .that()
                .resideInAPackage("io.dukan.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.dukan.aws..", "io.dukan.shop..", "io.dukan.provisioning..", "io.dukan.local..")
                .check(core);
    }

    @Test
    void sharedKernel_dependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("io.dukan.core.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.dukan.core.tenant..",
                        "io.dukan.core.catalog..",
                        "io.dukan.core.order..",
                        "io.dukan.core.account..")
                .check(core);
    }
}
