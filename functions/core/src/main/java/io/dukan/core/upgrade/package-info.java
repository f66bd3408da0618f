/**
 * Fleet upgrades in waves: the shop-code versions the platform knows ({@link ShopVersions}, PLATFORM#SHOPCODE), the
 * version each store's function runs (recorded on the store by {@link StoreVersions}), and upgrade campaigns that
 * move the stores to a version one canary, then 10 %, then the rest ({@link WavePlan}), run step by step by the fleet
 * worker ({@link UpgradeSaga}) and watched: a wave whose stores' error rate rises is rolled back to what each store
 * ran before. The operator starts, pauses and resumes a campaign ({@link UpgradeService}). Each store gets one check
 * request right after its deploy ({@link StoreCode#check}): a 5xx or no answer puts its wave back at once, and a wave
 * with too little real traffic is judged on those checks. Why a campaign stopped and how each wave was judged are
 * {@link UpgradeNote}s (a message key and its arguments), shown in the operator's language. A campaign whose awaited
 * step is lost is sent it again by {@link UpgradeNudge}, on a schedule.
 */
package io.dukan.core.upgrade;
