package io.dukan.provisioning;

import io.dukan.core.upgrade.ShopVersion;
import io.dukan.core.upgrade.UpgradeCampaign;
import io.dukan.core.upgrade.UpgradeNote;
import io.dukan.core.upgrade.UpgradeNudge;
import io.dukan.core.upgrade.UpgradeRules;
import io.dukan.core.upgrade.UpgradeService;
import io.dukan.core.upgrade.UpgradeTarget;
import io.dukan.core.upgrade.Wave;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The upgrade pages (operator/upgrades.jte, operator/upgrade.jte) in the console's layout. */
public final class UpgradePages {

    /** Stores listed per wave on a campaign's page (the counts cover them all). */
    static final int STORES_SHOWN = 20;

    private UpgradePages() {}

    /** A wave as its page shows it: its stores (the first ones), its figures and its note in words. */
    public record WaveRow(
            Wave wave, String name, List<UpgradeTarget> stores, String before, String after, String note) {}

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
        p.put("window", Long.toString(rules.window().toSeconds()));
        p.put("threshold", OperatorPages.decimal(f.m(), rules.threshold() * 100));
        p.put("error", error);
        p.put("typed", typed);
        return OperatorPages.render(status, "operator/upgrades.jte", f, p);
    }

    static MutableHttpResponse<String> campaign(
            HttpStatus status,
            OperatorPages.Frame f,
            UpgradeService upgrades,
            UpgradeCampaign c,
            String error,
            Duration grace) {
        return campaign(status, f, c, w -> upgrades.stores(c, w, STORES_SHOWN), error, Instant.now(), grace);
    }

    /**
     * A campaign's page at {@code now}: its waves, why it stopped, and when its next step is due ("stalled since"
     * once that is more than {@code grace} ago, as {@link UpgradeNudge} sees it).
     */
    static MutableHttpResponse<String> campaign(
            HttpStatus status,
            OperatorPages.Frame f,
            UpgradeCampaign c,
            java.util.function.Function<Wave, List<UpgradeTarget>> stores,
            String error,
            Instant now,
            Duration grace) {
        List<WaveRow> rows = c.waves().stream()
                .map(w -> new WaveRow(
                        w,
                        f.m().t("upgrade.wave." + Math.min(w.number(), 3)),
                        stores.apply(w),
                        figures(f.m(), w.before()),
                        w.state() == io.dukan.core.upgrade.WaveState.WAITING
                                        || w.state() == io.dukan.core.upgrade.WaveState.DEPLOYING
                                ? "—"
                                : figures(f.m(), w.after()),
                        note(f.m(), w.note())))
                .toList();
        Optional<Instant> due = c.nextStepDue();
        Map<String, Object> p = new HashMap<>();
        p.put("c", c);
        p.put("rows", rows);
        p.put("started", OperatorPages.time(c.startedAt()));
        p.put("updated", OperatorPages.time(c.updatedAt()));
        p.put("window", Long.toString(c.rules().window().toSeconds()));
        p.put("threshold", OperatorPages.decimal(f.m(), c.rules().threshold() * 100));
        p.put("error", error);
        p.put("reason", note(f.m(), c.reason()));
        p.put("due", due.map(OperatorPages::time).orElse(null));
        p.put(
                "stalled",
                UpgradeNudge.stalled(c, now, grace)
                        ? f.m().t("upgrade.stalled", ltr(f.m(), OperatorPages.time(due.orElseThrow())))
                        : null);
        return OperatorPages.render(status, "operator/upgrade.jte", f, p);
    }

    /**
     * A stored note in the operator's language: its message with its numbers formatted for the language (free text,
     * a note stored before notes had keys, as it is; a key this console does not know yet, in English).
     */
    static String note(Messages m, UpgradeNote note) {
        if (note.isEmpty()) {
            return "";
        }
        if (note.isText()) {
            return note.english();
        }
        if (!m.has(note.messageKey())
                && !Messages.of(Language.EN, OperatorConsole.BUNDLES).has(note.messageKey())) {
            return note.english();
        }
        Object[] args = note.arguments(rate -> OperatorPages.decimal(m, rate));
        for (int i = 0; i < args.length; i++) {
            args[i] = ltr(m, String.valueOf(args[i]));
        }
        return m.t(note.messageKey(), args);
    }

    /** A store, version, message or time set into a right-to-left sentence as a left-to-right island. */
    private static String ltr(Messages m, String text) {
        return m.language().dir().equals("rtl") ? "\u2066" + text + "\u2069" : text;
    }

    static String figures(Messages m, Wave.Figures figures) {
        if (figures.requests() == 0) {
            return m.t("upgrade.noRequests");
        }
        return m.t(
                "upgrade.rate", OperatorPages.decimal(m, figures.rate() * 100), figures.errors(), figures.requests());
    }
}
