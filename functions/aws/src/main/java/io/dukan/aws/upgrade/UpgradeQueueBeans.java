package io.dukan.aws.upgrade;

import io.dukan.aws.AwsClients;
import io.dukan.core.upgrade.UpgradeQueue;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * On AWS a campaign's steps go to the fleet worker's queue: from the operator console (DUKAN_PROVISIONING_QUEUE_URL)
 * and from the worker itself and the upgrade nudge (DUKAN_FLEET_QUEUE_URL). In the local cloud (dukan.fleet.mode=local) the local queue is
 * handed to both instead.
 */
@Factory
class UpgradeQueueBeans {

    @Singleton
    @Requires(env = {"provisioning", "fleet", "upgradenudge"})
    @Requires(classes = SqsClient.class)
    @Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
    UpgradeQueue sqsUpgradeQueue(
            AwsClients clients,
            SdkHttpClient http,
            @Value("${dukan.provisioning.queue-url:}") String consoleQueueUrl,
            @Value("${dukan.fleet.queue-url:}") String workerQueueUrl) {
        SqsClient sqs =
                clients.configure(SqsClient.builder().httpClient(http), null).build();
        return new SqsUpgradeQueue(sqs, consoleQueueUrl.isBlank() ? workerQueueUrl : consoleQueueUrl);
    }
}
