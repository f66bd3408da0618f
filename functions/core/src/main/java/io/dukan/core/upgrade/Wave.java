package io.dukan.core.upgrade;

import java.time.Instant;

/**
 * One wave of a campaign: the stores at positions {@code [first, first + size)} of the campaign's plan.
 *
 * @param deployed how many of them run the target version so far (the deploy cursor)
 * @param rolledBack how many of them were put back on their previous version (the rollback cursor)
 * @param checked how many of the deployed ones answered their check request (a suspended store gets none)
 * @param before requests and errors of the (sampled) stores in one window before the upgrade
 * @param after requests and errors since the wave was deployed
 * @param deployedAt when the last store of the wave was deployed (the watch starts)
 * @param watches windows watched so far
 * @param note why the wave passed or failed, for the operator ({@link UpgradeNote})
 */
public record Wave(
        int number,
        int first,
        int size,
        WaveState state,
        int deployed,
        int rolledBack,
        int checked,
        Figures before,
        Figures after,
        Instant deployedAt,
        Instant watchUntil,
        int watches,
        UpgradeNote note) {

    /** Requests and 5xx errors. */
    public record Figures(long requests, long errors) {

        public static final Figures NONE = new Figures(0, 0);

        public double rate() {
            return requests == 0 ? 0 : (double) errors / requests;
        }

        public Figures plus(Figures other) {
            return new Figures(requests + other.requests, errors + other.errors);
        }
    }

    public Wave {
        before = before == null ? Figures.NONE : before;
        after = after == null ? Figures.NONE : after;
        note = note == null ? UpgradeNote.NONE : note;
    }

    public static Wave planned(int number, int first, int size) {
        return new Wave(number, first, size, WaveState.WAITING, 0, 0, 0, null, null, null, null, 0, UpgradeNote.NONE);
    }

    public Wave with(WaveState newState, UpgradeNote newNote) {
        return new Wave(
                number,
                first,
                size,
                newState,
                deployed,
                rolledBack,
                checked,
                before,
                after,
                deployedAt,
                watchUntil,
                watches,
                newNote);
    }

    public Wave deployedUpTo(int count) {
        return new Wave(
                number,
                first,
                size,
                state,
                count,
                rolledBack,
                checked,
                before,
                after,
                deployedAt,
                watchUntil,
                watches,
                note);
    }

    public Wave rolledBackUpTo(int count) {
        return new Wave(
                number,
                first,
                size,
                state,
                deployed,
                count,
                checked,
                before,
                after,
                deployedAt,
                watchUntil,
                watches,
                note);
    }

    public Wave measuredBefore(Figures figures) {
        return new Wave(
                number,
                first,
                size,
                state,
                deployed,
                rolledBack,
                checked,
                figures,
                after,
                deployedAt,
                watchUntil,
                watches,
                note);
    }

    public Wave watching(Instant since, Instant until) {
        return new Wave(
                number,
                first,
                size,
                WaveState.WATCHING,
                deployed,
                rolledBack,
                checked,
                before,
                after,
                since,
                until,
                watches,
                note);
    }

    public Wave watchedAgain(Figures figures, Instant until) {
        return new Wave(
                number,
                first,
                size,
                state,
                deployed,
                rolledBack,
                checked,
                before,
                figures,
                deployedAt,
                until,
                watches + 1,
                note);
    }

    public Wave judged(Figures figures, WaveState newState, UpgradeNote newNote) {
        return new Wave(
                number,
                first,
                size,
                newState,
                deployed,
                rolledBack,
                checked,
                before,
                figures,
                deployedAt,
                watchUntil,
                watches + 1,
                newNote);
    }

    /** One more of its stores answered its check request. */
    public Wave checkedOne() {
        return new Wave(
                number,
                first,
                size,
                state,
                deployed,
                rolledBack,
                checked + 1,
                before,
                after,
                deployedAt,
                watchUntil,
                watches,
                note);
    }
}
