package io.dukan.provisioning;

import io.dukan.core.operator.PlatformAudit;
import io.dukan.core.upgrade.ShopVersions;
import io.dukan.core.upgrade.UpgradeCampaigns;
import io.dukan.core.upgrade.UpgradeQueue;
import io.dukan.core.upgrade.UpgradeRules;
import io.dukan.core.upgrade.UpgradeService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

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
