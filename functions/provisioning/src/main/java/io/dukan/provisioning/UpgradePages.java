package io.dukan.provisioning;

import io.dukan.core.upgrade.ShopVersion;
import io.dukan.core.upgrade.UpgradeCampaign;
import io.dukan.core.upgrade.UpgradeRules;
import io.dukan.core.upgrade.UpgradeService;
import io.dukan.core.upgrade.UpgradeTarget;
import io.dukan.core.upgrade.Wave;
import io.dukan.web.i18n.Messages;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The upgrade pages (operator/upgrades.jte, operator/upgrade.jte) in the console's layout. */
public final class UpgradePages {

    /** Stores listed per wave on a campaign's page (the counts cover them all). */
    static final int STORES_SHOWN = 20;

    private UpgradePages() {}

    /** A wave as its page shows it: its stores (the first ones), and its figures in words. */
    public record WaveRow(Wave wave, String name, List<UpgradeTarget> stores, String before, String after) {}

    static MutableHttpResponse<String> upgrades(
            HttpStatus status,
            OperatorPages.Frame f,
            UpgradeService upgrades,
            String error,
            Map<String, String> typed) {
        return upgrades(
                status,
                f,
                upgrades.versions(),
                upgrades.campaigns(20),
                upgrades.active().orElse(null),
                upgrades.rules(),
                upgrades.fleetVersion().orElse(null),
                error,
                typed);
    }

    static MutableHttpResponse<String> upgrades(
            HttpStatus status,
            OperatorPages.Frame f,
            List<ShopVersion> versions,
            List<UpgradeCampaign> campaigns,
            UpgradeCampaign active,
            UpgradeRules rules,
            String error,
            Map<String, String> typed) {
        return upgrades(status, f, versions, campaigns, active, rules, null, error, typed);
    }

    /** {@code fleetVersion}: the version new stores get (the last finished upgrade's), null while there is none. */
    static MutableHttpResponse<String> upgrades(
            HttpStatus status,
            OperatorPages.Frame f,
            List<ShopVersion> versions,
            List<UpgradeCampaign> campaigns,
            UpgradeCampaign active,
            UpgradeRules rules,
            String fleetVersion,
            String error,
            Map<String, String> typed) {
        Map<String, Object> p = new HashMap<>();
        p.put("fleetVersion", fleetVersion);
        p.put("versions", versions);
        p.put("campaigns", campaigns);
        p.put("active", active);
        p.put("window", Long.toString(Math.max(1, rules.window().toMinutes())));
        p.put("threshold", OperatorPages.decimal(f.m(), rules.threshold() * 100));
        p.put("error", error);
        p.put("typed", typed);
        return OperatorPages.render(status, "operator/upgrades.jte", f, p);
    }

    static MutableHttpResponse<String> campaign(
            HttpStatus status, OperatorPages.Frame f, UpgradeService upgrades, UpgradeCampaign c, String error) {
        return campaign(status, f, c, w -> upgrades.stores(c, w, STORES_SHOWN), error);
    }

    static MutableHttpResponse<String> campaign(
            HttpStatus status,
            OperatorPages.Frame f,
            UpgradeCampaign c,
            java.util.function.Function<Wave, List<UpgradeTarget>> stores,
            String error) {
        List<WaveRow> rows = c.waves().stream()
                .map(w -> new WaveRow(
                        w,
                        f.m().t("upgrade.wave." + Math.min(w.number(), 3)),
                        stores.apply(w),
                        figures(f.m(), w.before()),
                        w.state() == io.dukan.core.upgrade.WaveState.WAITING
                                        || w.state() == io.dukan.core.upgrade.WaveState.DEPLOYING
                                ? "—"
                                : figures(f.m(), w.after())))
                .toList();
        Map<String, Object> p = new HashMap<>();
        p.put("c", c);
        p.put("rows", rows);
        p.put("started", OperatorPages.time(c.startedAt()));
        p.put("updated", OperatorPages.time(c.updatedAt()));
        p.put("window", Long.toString(c.rules().window().toSeconds()));
        p.put("threshold", OperatorPages.decimal(f.m(), c.rules().threshold() * 100));
        p.put("error", error);
        return OperatorPages.render(status, "operator/upgrade.jte", f, p);
    }

    static String figures(Messages m, Wave.Figures figures) {
        if (figures.requests() == 0) {
            return m.t("upgrade.noRequests");
        }
        return m.t(
                "upgrade.rate", OperatorPages.decimal(m, figures.rate() * 100), figures.errors(), figures.requests());
    }
}
