package io.dukan.core.upgrade;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One move of the fleet to a shop-code version (PLATFORM#UPGRADES). The worker plans it a directory page at a time
 * ({@code planCursor}, {@code planned} stores so far, {@code skipped} stores already on the version or not open),
 * then runs its waves in order ({@code current}). {@code token} names the one step message the campaign waits for:
 * a message with another token (a duplicate, one from before a pause) is dropped, so a campaign is never driven twice.
 */
public record UpgradeCampaign(
        String id,
        String version,
        String startedBy,
        Instant startedAt,
        UpgradeState state,
        String reason,
        UpgradeRules rules,
        boolean planComplete,
        String planCursor,
        int planned,
        int skipped,
        List<Wave> waves,
        int current,
        String token,
        Instant updatedAt) {

    public UpgradeCampaign {
        reason = reason == null ? "" : reason;
        planCursor = planCursor == null ? "" : planCursor;
        waves = List.copyOf(waves);
    }

    public static UpgradeCampaign started(
            String id, String version, String operator, Instant at, UpgradeRules rules, String token) {
        return new UpgradeCampaign(
                id, version, operator, at, UpgradeState.RUNNING, "", rules, false, "", 0, 0, List.of(), 0, token, at);
    }

    /** The wave being deployed or watched (or the last one, once the campaign is over); null before the plan. */
    public Wave currentWave() {
        return waves.isEmpty() ? null : waves.get(Math.min(current, waves.size() - 1));
    }

    /** Stores that run the target version now (deployed and not put back). */
    public int upgraded() {
        return waves.stream().mapToInt(w -> w.deployed() - w.rolledBack()).sum();
    }

    public UpgradeCampaign withState(UpgradeState newState, String newReason) {
        return new UpgradeCampaign(
                id,
                version,
                startedBy,
                startedAt,
                newState,
                newReason,
                rules,
                planComplete,
                planCursor,
                planned,
                skipped,
                waves,
                current,
                token,
                updatedAt);
    }

    public UpgradeCampaign withPlan(
            boolean complete, String cursor, int plannedStores, int skippedStores, List<Wave> w) {
        return new UpgradeCampaign(
                id,
                version,
                startedBy,
                startedAt,
                state,
                reason,
                rules,
                complete,
                cursor,
                plannedStores,
                skippedStores,
                w,
                current,
                token,
                updatedAt);
    }

    public UpgradeCampaign withWave(Wave wave) {
        List<Wave> all = new ArrayList<>(waves);
        all.set(wave.number() - 1, wave);
        return new UpgradeCampaign(
                id,
                version,
                startedBy,
                startedAt,
                state,
                reason,
                rules,
                planComplete,
                planCursor,
                planned,
                skipped,
                all,
                current,
                token,
                updatedAt);
    }

    public UpgradeCampaign withCurrent(int wave) {
        return new UpgradeCampaign(
                id,
                version,
                startedBy,
                startedAt,
                state,
                reason,
                rules,
                planComplete,
                planCursor,
                planned,
                skipped,
                waves,
                wave,
                token,
                updatedAt);
    }

    public UpgradeCampaign withToken(String newToken, Instant at) {
        return new UpgradeCampaign(
                id,
                version,
                startedBy,
                startedAt,
                state,
                reason,
                rules,
                planComplete,
                planCursor,
                planned,
                skipped,
                waves,
                current,
                newToken,
                at);
    }
}
