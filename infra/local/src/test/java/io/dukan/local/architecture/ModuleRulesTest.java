package io.dukan.local.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rules between the modules, in the manner of buckpal's DependencyRuleTests: checked here because this module's
 * tests see the classes of every function (core, web, the aws adapters, shop, provisioning, and the fleet worker).
 * Core depends on nothing of ours; the web kit only on core; the adapters on core and the web kit, never on a
 * function; shop and provisioning not on each other; only the fleet worker talks to IAM, Lambda and API Gateway.
 * Each module's own rules stay in that module (core: {@code io.dukan.core.architecture.DependencyRulesTest}).
 */
class ModuleRulesTest {

    /** The fleet worker: its package in functions/aws today, and its own module's package once it moves there. */
    static final String[] FLEET = {"io.dukan.aws.fleet..", "io.dukan.fleet.."};
    /**
     * The one class outside the fleet worker that still builds its IAM, Lambda and API Gateway clients (with the
     * bean definitions Micronaut generates for it), until the fleet module takes them: then this exception matches
     * nothing and can go.
     */
    static final String FLEET_CLIENT_FACTORY = "io\\.dukan\\.aws\\.\\$?AwsClients\\b.*";

    static final JavaClasses DUKAN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the modules' test jars (dukan-aws and dukan-core tests, on this module's test classpath) are no module
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
            .importPackages("io.dukan");

    @Test
    void theImportSeesEveryModule() {
        for (String module : new String[] {
            "io.dukan.core.",
            "io.dukan.web.",
            "io.dukan.aws.",
            "io.dukan.shop.",
            "io.dukan.provisioning.",
            "io.dukan.local."
        }) {
            assertThat(DUKAN.stream()
                            .filter(c -> c.getName().startsWith(module))
                            .count())
                    .as(module)
                    .isGreaterThan(3);
        }
        assertThat(DUKAN.stream()
                        .filter(c -> c.getName().startsWith("io.dukan.aws.fleet.")
                                || c.getName().startsWith("io.dukan.fleet."))
                        .count())
                .as("the fleet worker")
                .isPositive();
    }

    @Test
    void modules_dependOnlyOnTheModulesBelowThem() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Core")
                .definedBy("io.dukan.core..")
                .layer("Web")
                .definedBy("io.dukan.web..")
                .layer("Adapters")
                .definedBy(resideInAPackage("io.dukan.aws..")
                        .and(not(resideInAnyPackage(FLEET)))
                        .as("io.dukan.aws.. but the fleet worker"))
                .layer("Fleet")
                .definedBy(FLEET)
                .layer("Shop")
                .definedBy("io.dukan.shop..")
                .layer("Provisioning")
                .definedBy("io.dukan.provisioning..")
                .layer("LocalCloud")
                .definedBy("io.dukan.local..")
                .whereLayer("Core")
                .mayNotAccessAnyLayer()
                .whereLayer("Web")
                .mayOnlyAccessLayers("Core")
                .whereLayer("Adapters")
                .mayOnlyAccessLayers("Core", "Web")
                .whereLayer("Fleet")
                .mayOnlyAccessLayers("Core", "Web", "Adapters")
                .whereLayer("Shop")
                .mayOnlyAccessLayers("Core", "Web", "Adapters")
                .whereLayer("Provisioning")
                .mayOnlyAccessLayers("Core", "Web", "Adapters", "Fleet")
                .whereLayer("LocalCloud")
                .mayNotBeAccessedByAnyLayer()
                .ignoreDependency(nameMatching(FLEET_CLIENT_FACTORY), resideInAnyPackage(FLEET))
                .check(DUKAN);
    }

    @Test
    void shopAndProvisioning_doNotDependOnEachOther() {
        noClasses()
                .that()
                .resideInAPackage("io.dukan.shop..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.dukan.provisioning..")
                .check(DUKAN);
        noClasses()
                .that()
                .resideInAPackage("io.dukan.provisioning..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.dukan.shop..")
                .check(DUKAN);
    }

    @Test
    void onlyTheFleetWorker_usesTheIamLambdaAndApiGatewaySdks() {
        noClasses()
                .that(not(resideInAnyPackage(FLEET)).and(not(nameMatching(FLEET_CLIENT_FACTORY))))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "software.amazon.awssdk.services.iam..", "software.amazon.awssdk.services.apigateway..")
                .check(DUKAN);
    }

    @Test
    void onlyTheFleetWorker_andTheRouter_useTheLambdaSdk() {
        // the router only invokes a store's function; creating functions stays the fleet worker's
        noClasses()
                .that(not(resideInAnyPackage(FLEET))
                        .and(not(resideInAnyPackage("io.dukan.router..")))
                        .and(not(nameMatching(FLEET_CLIENT_FACTORY))))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("software.amazon.awssdk.services.lambda..")
                .check(DUKAN);
    }

    @Test
    void theAdapters_wireNoUseCase_theFunctionsDo() {
        DescribedPredicate<JavaConstructorCall> aUseCase = new DescribedPredicate<>("a core *Service's constructor") {
            @Override
            public boolean test(JavaConstructorCall call) {
                JavaClass target = call.getTargetOwner();
                return target.getPackageName().startsWith("io.dukan.core")
                        && target.getSimpleName().endsWith("Service");
            }
        };
        noClasses()
                .that()
                .resideInAPackage("io.dukan.aws..")
                .should()
                .callConstructorWhere(aUseCase)
                .as("the adapters construct no core *Service: the function that uses it wires it")
                .check(DUKAN);
    }

    @Test
    void adapters_arePackagePrivate_theFunctionsReachThemThroughCorePorts() {
        DescribedPredicate<JavaClass> implementsACorePort = new DescribedPredicate<>("implement a port of core") {
            @Override
            public boolean test(JavaClass c) {
                return c.getAllRawInterfaces().stream()
                        .anyMatch(i -> i.getPackageName().startsWith("io.dukan.core"));
            }
        };
        classes()
                .that()
                .resideInAPackage("io.dukan.aws..")
                .and(implementsACorePort)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(DUKAN);
    }
}
