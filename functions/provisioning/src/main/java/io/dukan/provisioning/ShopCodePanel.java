package io.dukan.provisioning;

import io.dukan.core.tenant.TenantId;
import io.dukan.core.upgrade.StoreVersions;
import io.dukan.core.upgrade.UpgradeCampaign;
import io.dukan.core.upgrade.UpgradeService;
import io.dukan.core.upgrade.UpgradeTarget;

/**
 * A store's shop code on its console page (operator/store.jte): the version its function runs (as recorded by the
 * fleet), and, while an upgrade is under way, where the store stands in it.
 *
 * @param version the version recorded for the store, "" if none is (a store from before versions were recorded)
 * @param campaign the active upgrade, or null
 * @param target the store in that upgrade's plan (waiting, upgraded or put back), or null if the plan leaves it out
 */
public record ShopCodePanel(String version, UpgradeCampaign campaign, UpgradeTarget target) {

    static ShopCodePanel of(TenantId store, StoreVersions versions, UpgradeService upgrades) {
        String version = versions.current(store).orElse("");
        UpgradeCampaign active = upgrades.active().orElse(null);
        UpgradeTarget target =
                active == null ? null : upgrades.storeIn(active, store).orElse(null);
        return new ShopCodePanel(version, active, target);
    }
}
