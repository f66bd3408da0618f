package io.dukan.fleet.upgrades;

import io.dukan.core.upgrade.UpgradeCampaigns;
import io.dukan.core.upgrade.UpgradeNudge;
import io.dukan.core.upgrade.UpgradeQueue;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The nudge's beans: the campaigns (DynamoDB, platform keys) and the fleet worker's queue (SQS on AWS, from
 * DUKAN_FLEET_QUEUE_URL; in the local cloud its queue, handed over).
 */
@Factory
@Requires(env = UpgradeNudgeFunction.ENVIRONMENT)
public class UpgradeNudgeServices {

    @Singleton
    UpgradeNudge upgradeNudge(
            UpgradeCampaigns campaigns,
            UpgradeQueue queue,
            Clock clock,
            @Value("${dukan.upgrade.nudge-grace:15m}") Duration grace) {
        return new UpgradeNudge(campaigns, queue, clock, grace);
    }
}
