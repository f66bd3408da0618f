package io.dukan.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.tenant.StoreFleet;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySource.PropertyConvention;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fleet worker's configuration, as Lambda hands it over (environment variables), reaches the fleet. */
class AwsFleetWiringTest {

    private static Map<String, Object> lambdaEnvironment() {
        Map<String, Object> env = new HashMap<>();
        env.put("DUKAN_FLEET_SHOP_LAYER_ARN", FleetFixture.LAYER_ARN);
        env.put("DUKAN_FLEET_RUNTIME_LAYER_ARN", FleetFixture.RUNTIME_LAYER_ARN);
        env.put("DUKAN_FLEET_SHOP_HANDLER", FleetFixture.HANDLER);
        env.put("DUKAN_FLEET_TABLE_ARN", FleetFixture.TABLE_ARN);
        env.put("DUKAN_FLEET_BUCKET_ARN", FleetFixture.BUCKET_ARN);
        env.put("DUKAN_FLEET_PERMISSIONS_BOUNDARY_ARN", FleetFixture.BOUNDARY_ARN);
        env.put("DUKAN_FLEET_NAME_PREFIX", "dukan-store");
        env.put("DUKAN_FLEET_ACCOUNT_ID", FleetFixture.ACCOUNT);
        env.put("DUKAN_FLEET_EMAIL_FROM", FleetFixture.EMAIL_FROM);
        env.put("DUKAN_FLEET_PUBLIC_URL", FleetFixture.PUBLIC_URL);
        env.put("DUKAN_TABLE", "dukan-Table-1ABC"); // the worker's own (template.yaml): versions are read there
        env.put("DUKAN_REGION", "us-east-1");
        env.put("DUKAN_ACCESS_KEY_ID", "AKIDTEST");
        env.put("DUKAN_SECRET_ACCESS_KEY", "secret");
        return env;
    }

    private static ApplicationContext workerContext(Map<String, Object> env) {
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("fleet")
                .propertySources(PropertySource.of("lambda-env", env, PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
    }

    @Test
    void fleetProperties_bindFromDukanFleetEnvironmentVariables() {
        // given
        Map<String, Object> env = lambdaEnvironment();
        env.put("DUKAN_FLEET_MEMORY_MB", "2048");

        // when
        try (ApplicationContext context = workerContext(env)) {
            AwsFleetProperties properties = context.getBean(AwsFleetProperties.class);

            // then
            assertThat(properties.missingSettings()).isEmpty();
            assertThat(properties.getPermissionsBoundaryArn()).isEqualTo(FleetFixture.BOUNDARY_ARN);
            assertThat(properties.getMemoryMb()).isEqualTo(2048);
            assertThat(properties.getMode()).isEqualTo("aws");
        }
    }

    @Test
    void fleetProperties_runOnTheCustomRuntimeByDefault_andOnJava25WhenTheTemplateSaysSo() {
        // given
        Map<String, Object> managed = lambdaEnvironment();
        managed.put("DUKAN_FLEET_RUNTIME", "java25");

        // when
        try (ApplicationContext aot = workerContext(lambdaEnvironment());
                ApplicationContext java25 = workerContext(managed)) {
            // then
            assertThat(aot.getBean(AwsFleetProperties.class).isAotRuntime()).isTrue();
            assertThat(aot.getBean(AwsFleetProperties.class).getRuntimeLayerArn())
                    .isEqualTo(FleetFixture.RUNTIME_LAYER_ARN);
            assertThat(java25.getBean(AwsFleetProperties.class).isAotRuntime()).isFalse();
        }
    }

    @Test
    void fleetProperties_defaultTo1024Mb() {
        try (ApplicationContext context = workerContext(lambdaEnvironment())) {
            assertThat(context.getBean(AwsFleetProperties.class).getMemoryMb()).isEqualTo(1024);
        }
    }

    @Test
    void fleetWorker_getsTheAwsFleet_byDefault() {
        try (ApplicationContext context = workerContext(lambdaEnvironment())) {
            assertThat(context.getBean(StoreFleet.class)).isInstanceOf(AwsStoreFleet.class);
        }
    }

    @Test
    void fleetWorker_getsNoAwsFleet_inLocalMode() {
        // given
        Map<String, Object> env = lambdaEnvironment();
        env.put("DUKAN_FLEET_MODE", "local");

        // when
        try (ApplicationContext context = workerContext(env)) {
            // then
            assertThat(context.containsBean(AwsStoreFleet.class)).isFalse();
        }
    }
}
