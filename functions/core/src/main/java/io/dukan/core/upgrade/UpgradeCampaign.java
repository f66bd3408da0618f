package io.dukan.core.upgrade;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One move of the fleet to a shop-code version (PLATFORM#UPGRADES). The worker plans it a directory page at a time
 * ({@code planCursor}, {@code planned} stores so far, {@code skipped} stores already on the version or not open),
 * then runs its waves in order ({@code current}). {@code token} names the one step message the campaign waits for:
 * a message with another token (a duplicate, one from before a pause) is dropped, so a campaign is never driven twice.
 * {@code reason} says why it stopped ({@link UpgradeNote}: a message key and its arguments).
 */
public record UpgradeCampaign(
        String id,
        String version,
        String startedBy,
        Instant startedAt,
        UpgradeState state,
        UpgradeNote reason,
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
        reason = reason == null ? UpgradeNote.NONE : reason;
        planCursor = planCursor == null ? "" : planCursor;
        waves = List.copyOf(waves);
    }

    public static UpgradeCampaign started(
            String id, String version, String operator, Instant at, UpgradeRules rules, String token) {
        return new UpgradeCampaign(
                id,
                version,
                operator,
                at,
                UpgradeState.RUNNING,
                UpgradeNote.NONE,
                rules,
                false,
                "",
                0,
                0,
                List.of(),
                0,
                token,
                at);
    }

    /** The wave being deployed or watched (or the last one, once the campaign is over); null before the plan. */
    public Wave currentWave() {
        return waves.isEmpty() ? null : waves.get(Math.min(current, waves.size() - 1));
    }

    /** Stores that run the target version now (deployed and not put back). */
    public int upgraded() {
        return waves.stream().mapToInt(w -> w.deployed() - w.rolledBack()).sum();
    }

    /** The state with free text as the reason (empty: none), shown as it is. */
    public UpgradeCampaign withState(UpgradeState newState, String newReason) {
        return withState(newState, UpgradeNote.text(newReason));
    }

    public UpgradeCampaign withState(UpgradeState newState, UpgradeNote newReason) {
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

    /**
     * When the step the campaign waits for is due: a watched wave's end of watch (at most {@link
     * UpgradeQueue#MAX_DELAY} after the last step, the longest a message is delayed), else a moment after the last
     * step. Empty when no step is awaited (paused, or over).
     */
    public Optional<Instant> nextStepDue() {
        if (state != UpgradeState.RUNNING && state != UpgradeState.ROLLING_BACK) {
            return Optional.empty();
        }
        Instant soon = updatedAt.plus(UpgradeSaga.CONTINUE);
        Wave w = currentWave();
        if (state == UpgradeState.RUNNING
                && planComplete
                && w != null
                && w.state() == WaveState.WATCHING
                && w.watchUntil() != null) {
            Instant until = w.watchUntil();
            Instant latest = updatedAt.plus(UpgradeQueue.MAX_DELAY);
            return Optional.of(until.isAfter(latest) ? latest : until.isBefore(soon) ? soon : until);
        }
        return Optional.of(soon);
    }
}
