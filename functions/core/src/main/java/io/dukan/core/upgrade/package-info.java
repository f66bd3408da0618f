/**
 * Fleet upgrades in waves: the shop-code versions the platform knows ({@link ShopVersions}, PLATFORM#SHOPCODE), the
 * version each store's function runs (recorded on the store by {@link StoreVersions}), and upgrade campaigns that
 * move the stores to a version one canary, then 10 %, then the rest ({@link WavePlan}), run step by step by the fleet
 * worker ({@link UpgradeSaga}) and watched: a wave whose stores' error rate rises is rolled back to what each store
 * ran before. The operator starts, pauses and resumes a campaign ({@link UpgradeService}).
 */
package io.dukan.core.upgrade;
