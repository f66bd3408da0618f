package io.dukan.core.upgrade;

import io.dukan.core.operator.PlatformAudit;
import io.dukan.core.operator.PlatformAuditEntry;
import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an operator does with shop-code versions: register one, start moving the fleet to it, pause and resume the
 * campaign. Each is in the platform audit log; the fleet worker does the moving ({@link UpgradeSaga}).
 */
public class UpgradeService {

    private static final System.Logger LOG = System.getLogger(UpgradeService.class.getName());

    /** Another campaign is still active: one at a time. */
    public static final class UpgradeRunningException extends ConflictException {
        public UpgradeRunningException() {
            super("another upgrade is still running or paused: finish it first");
        }

        @Override
        public String code() {
            return "upgrade-running";
        }
    }

    /** The version id is taken. */
    public static final class VersionTakenException extends ConflictException {
        public VersionTakenException(String id) {
            super("there is already a version " + id);
        }

        @Override
        public String code() {
            return "version-taken";
        }
    }

    private final ShopVersions versions;
    private final UpgradeCampaigns campaigns;
    private final UpgradeQueue queue;
    private final PlatformAudit audit;
    private final UpgradeRules rules;
    private final Clock clock;

    public UpgradeService(
            ShopVersions versions,
            UpgradeCampaigns campaigns,
            UpgradeQueue queue,
            PlatformAudit audit,
            UpgradeRules rules,
            Clock clock) {
        this.versions = versions;
        this.campaigns = campaigns;
        this.queue = queue;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
    }

    public UpgradeRules rules() {
        return rules;
    }

    public List<ShopVersion> versions() {
        return versions.all();
    }

    /**
     * The version new stores get: the one the last finished upgrade moved the fleet to; empty until one finished
     * (new stores then run the shop code deployed with the platform).
     */
    public Optional<String> fleetVersion() {
        return versions.fleetVersion();
    }

    public List<UpgradeCampaign> campaigns(int limit) {
        return campaigns.recent(limit);
    }

    public UpgradeCampaign campaign(String id) {
        if (!Ids.looksLikeId(id, 40)) {
            throw new NotFoundException("there is no upgrade " + id);
        }
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("there is no upgrade " + id));
    }

    /** The store's place in the campaign (planned, upgraded or put back); empty if the campaign leaves it out. */
    public Optional<UpgradeTarget> storeIn(UpgradeCampaign c, io.dukan.core.tenant.TenantId store) {
        return campaigns.target(c.id(), store);
    }

    /** The plan's stores of one wave, at most {@code limit} of them. */
    public List<UpgradeTarget> stores(UpgradeCampaign c, Wave w, int limit) {
        return campaigns.targets(c.id(), w.first(), w.first() + Math.min(w.size(), limit));
    }

    public ShopVersion publish(String operator, String id, String artifact, String notes) {
        ShopVersion version = new ShopVersion(id, artifact, clock.instant(), operator, notes);
        if (!versions.publish(version)) {
            throw new VersionTakenException(version.id());
        }
        audit.record(
                new PlatformAuditEntry(
                        clock.instant(), operator, "published shop version", version.id(), version.notes()),
                null);
        return version;
    }

    /** Starts moving every open store to the version; the fleet worker plans and runs it. */
    public UpgradeCampaign start(String operator, String versionId) {
        String id = versionId == null ? "" : versionId.strip();
        ShopVersion version = versions.version(id)
                .orElseThrow(() -> new InvalidInputException("version", "there is no version " + id));
        UpgradeCampaign campaign =
                UpgradeCampaign.started(Ids.newId(), version.id(), operator, clock.instant(), rules, Ids.newSecret());
        if (!campaigns.start(campaign)) {
            throw new UpgradeRunningException();
        }
        audit.record(new PlatformAuditEntry(clock.instant(), operator, "started upgrade", version.id(), ""), null);
        try {
            queue.step(campaign.id(), campaign.token(), Duration.ZERO);
        } catch (RuntimeException notQueued) {
            // recorded but not handed over: paused, so the operator's resume hands it over again
            LOG.log(Level.WARNING, "upgrade " + campaign.id() + " could not be queued; paused", notQueued);
            campaigns.changeState(campaign.id(), UpgradeState.RUNNING, UpgradeState.PAUSED, Ids.newSecret());
            throw notQueued;
        }
        return campaign;
    }

    public void pause(String operator, String id) {
        UpgradeCampaign c = campaign(id);
        if (!campaigns.changeState(c.id(), UpgradeState.RUNNING, UpgradeState.PAUSED, Ids.newSecret())) {
            throw new InvalidInputException("state", "only a running upgrade can be paused");
        }
        audit.record(new PlatformAuditEntry(clock.instant(), operator, "paused upgrade", c.version(), ""), null);
    }

    public void resume(String operator, String id) {
        UpgradeCampaign c = campaign(id);
        String token = Ids.newSecret();
        if (!campaigns.changeState(c.id(), UpgradeState.PAUSED, UpgradeState.RUNNING, token)) {
            throw new InvalidInputException("state", "only a paused upgrade can be resumed");
        }
        try {
            queue.step(c.id(), token, Duration.ZERO);
        } catch (RuntimeException notQueued) {
            campaigns.changeState(c.id(), UpgradeState.RUNNING, UpgradeState.PAUSED, Ids.newSecret());
            throw notQueued;
        }
        audit.record(new PlatformAuditEntry(clock.instant(), operator, "resumed upgrade", c.version(), ""), null);
    }

    /** The campaign still active, if any. */
    public Optional<UpgradeCampaign> active() {
        return campaigns.active();
    }
}
