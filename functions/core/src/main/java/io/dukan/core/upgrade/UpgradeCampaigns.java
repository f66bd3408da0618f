package io.dukan.core.upgrade;

import io.dukan.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: campaigns and their plans (platform keys). At most one campaign is active (not final) at a time.
 */
public interface UpgradeCampaigns {

    /** Records a new campaign; false (nothing written) while another one is active. */
    boolean start(UpgradeCampaign campaign);

    Optional<UpgradeCampaign> find(String id);

    /** The newest campaigns, newest first. */
    List<UpgradeCampaign> recent(int limit);

    /** The campaign still active (not final), if any: at most one is, and it is among the newest. */
    default Optional<UpgradeCampaign> active() {
        return recent(5).stream().filter(c -> !c.state().isFinal()).findFirst();
    }

    /** Adds stores to the plan (idempotent: a store at a position is written once, the same each time). */
    void addTargets(String id, List<UpgradeTarget> targets);

    /** The plan's stores at positions {@code [from, to)}, in order. */
    List<UpgradeTarget> targets(String id, int from, int to);

    void updateTarget(String id, UpgradeTarget target);

    /** The store's place in the campaign's plan (its state there); empty when the plan does not hold it. */
    Optional<UpgradeTarget> target(String id, TenantId store);

    /**
     * The worker's write after a step, only if the campaign still waits for {@code expectedToken}: false (nothing
     * written) when another step or an operator's pause moved it on. A final state frees the platform for the next
     * campaign.
     */
    boolean save(UpgradeCampaign campaign, String expectedToken);

    /**
     * An operator's pause or resume: the state from {@code from} to {@code to} and a new token (the step message
     * the campaign then waits for); false if the campaign was not in {@code from}.
     */
    boolean changeState(String id, UpgradeState from, UpgradeState to, String newToken);
}
