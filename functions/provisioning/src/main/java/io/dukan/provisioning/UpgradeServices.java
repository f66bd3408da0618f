package io.dukan.provisioning;

import io.dukan.aws.upgrade.SqsUpgradeQueue;
import io.dukan.core.operator.PlatformAudit;
import io.dukan.core.upgrade.ShopVersions;
import io.dukan.core.upgrade.UpgradeCampaigns;
import io.dukan.core.upgrade.UpgradeQueue;
import io.dukan.core.upgrade.UpgradeRules;
import io.dukan.core.upgrade.UpgradeService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The console's upgrades in waves: the rules every new campaign is judged by ({@code dukan.upgrade.*}, environment
 * DUKAN_UPGRADE_WINDOW and so on; the local cloud sets a short window), and the queue its first step goes to.
 */
@Factory
class UpgradeServices {

    @Singleton
    UpgradeRules upgradeRules(
            @Value("${dukan.upgrade.window:10m}") Duration window,
            @Value("${dukan.upgrade.threshold:0.05}") double threshold,
            @Value("${dukan.upgrade.min-requests:20}") long minRequests,
            @Value("${dukan.upgrade.max-watches:3}") int maxWatches,
            @Value("${dukan.upgrade.batch:25}") int batch) {
        return new UpgradeRules(window, threshold, minRequests, maxWatches, batch);
    }

    @Singleton
    UpgradeService upgradeService(
            ShopVersions versions,
            UpgradeCampaigns campaigns,
            UpgradeQueue queue,
            PlatformAudit audit,
            UpgradeRules rules,
            Clock clock) {
        return new UpgradeService(versions, campaigns, queue, audit, rules, clock);
    }

    /** On AWS the fleet worker's queue, the one signups go to (the worker tells the two kinds of message apart). */
    @Singleton
    @Requires(env = "provisioning")
    @Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
    UpgradeQueue sqsUpgradeQueue(SqsClient sqs, @Value("${dukan.provisioning.queue-url:}") String queueUrl) {
        return new SqsUpgradeQueue(sqs, queueUrl);
    }

    /**
     * Where nothing hands the function a queue to the fleet worker (tests of the console alone): starting an upgrade
     * says so, and the campaign is left paused.
     */
    @Singleton
    @Secondary
    UpgradeQueue noUpgradeQueue() {
        return (campaign, token, delay) -> {
            throw new IllegalStateException("this function has no queue to the fleet worker");
        };
    }
}
