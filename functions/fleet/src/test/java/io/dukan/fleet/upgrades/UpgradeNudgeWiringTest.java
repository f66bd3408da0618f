package io.dukan.fleet.upgrades;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.upgrade.UpgradeCampaigns;
import io.dukan.core.upgrade.UpgradeNudge;
import io.dukan.core.upgrade.UpgradeQueue;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySource.PropertyConvention;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The upgrade nudge's context on AWS, from the environment template.yaml gives it: the campaigns in DynamoDB, the
 * fleet worker's queue over SQS, and nothing of the worker itself (no Lambda or IAM client: it has no such rights).
 */
class UpgradeNudgeWiringTest {

    @Test
    void theNudge_findsItsCampaignsAndItsQueue_fromTheTemplatesEnvironment_andNothingOfTheWorker() {
        Map<String, Object> env = Map.of(
                "DUKAN_TABLE", "dukan-Table-1ABC",
                "DUKAN_FLEET_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/dukan-ProvisioningQueue",
                "DUKAN_UPGRADE_NUDGE_GRACE", "15m",
                "DUKAN_REGION", "us-east-1",
                "DUKAN_ACCESS_KEY_ID", "AKIDTEST",
                "DUKAN_SECRET_ACCESS_KEY", "secret");
        try (UpgradeNudgeFunction function = new UpgradeNudgeFunction(ApplicationContext.builder()
                .deduceEnvironment(false)
                .propertySources(PropertySource.of("lambda-env", env, PropertyConvention.ENVIRONMENT_VARIABLE)))) {
            ApplicationContext context = function.getApplicationContext();
            assertThat(context.getBean(UpgradeNudge.class)).isNotNull();
            assertThat(context.getBean(UpgradeCampaigns.class).getClass().getSimpleName())
                    .isEqualTo("DynamoDbUpgrades");
            assertThat(context.getBean(UpgradeQueue.class).getClass().getSimpleName())
                    .isEqualTo("SqsUpgradeQueue");
            assertThat(context.containsBean(software.amazon.awssdk.services.lambda.LambdaClient.class))
                    .isFalse();
            assertThat(context.containsBean(io.dukan.core.upgrade.UpgradeSaga.class))
                    .isFalse();
        }
    }
}
