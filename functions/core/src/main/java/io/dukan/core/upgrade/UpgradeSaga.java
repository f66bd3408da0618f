package io.dukan.core.upgrade;

import io.dukan.core.operator.StoreDirectory;
import io.dukan.core.operator.StoreFilter;
import io.dukan.core.operator.StoreListing;
import io.dukan.core.operator.StoreMetrics;
import io.dukan.core.operator.StoreSuspensions;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreStatus;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a campaign one step per queue message, in the fleet worker: plan (a few directory pages per step), then for
 * each wave in turn measure its stores' error rate before, deploy the target version ({@link UpgradeRules#batch}
 * stores per step, at most {@link #STEP_BUDGET} of work), sending each store one check request right after its deploy
 * ({@link StoreCode#check}: a 5xx or no answer puts the wave back at once), watch it for the window (the next step comes when the window ends: a delayed message, never a
 * sleeping worker), then judge it: pass to the next wave, or roll the wave's stores back to the version each ran
 * before and stop.
 *
 * <p>Each step sends the message of the next one and then saves the campaign with that message's token, on the
 * condition that the campaign still waited for this step's token. So a duplicate or stale message (a redelivery,
 * one sent before a pause) finds another token and does nothing; a worker that dies before its save leaves the old
 * token in place and its own message is redelivered, redoing the step (deploys and records are idempotent).
 */
public class UpgradeSaga {

    private static final System.Logger LOG = System.getLogger(UpgradeSaga.class.getName());
    /** How soon a step that has more to do is followed by the next (after its save, never before it). */
    static final Duration CONTINUE = Duration.ofSeconds(1);
    /** Directory pages read per planning step, {@value #PAGE} stores each. */
    static final int PLAN_PAGES = 5;

    static final int PAGE = 100;

    /**
     * A step stops deploying (or putting back) further stores of its batch once it has run this long, and leaves them
     * to the next step: each store's deploy waits for its function's update and its check may cold-start it, and the
     * worker's own timeout (60 s) must not cut a step short, or its message would be redelivered forever.
     */
    static final Duration STEP_BUDGET = Duration.ofSeconds(30);

    private final UpgradeCampaigns campaigns;
    private final ShopVersions versions;
    private final StoreVersions storeVersions;
    private final StoreCode code;
    private final StoreDirectory directory;
    private final StoreMetrics metrics;
    private final StoreSuspensions suspensions;
    private final UpgradeQueue queue;
    private final Clock clock;

    public UpgradeSaga(
            UpgradeCampaigns campaigns,
            ShopVersions versions,
            StoreVersions storeVersions,
            StoreCode code,
            StoreDirectory directory,
            StoreMetrics metrics,
            StoreSuspensions suspensions,
            UpgradeQueue queue,
            Clock clock) {
        this.campaigns = campaigns;
        this.versions = versions;
        this.storeVersions = storeVersions;
        this.code = code;
        this.directory = directory;
        this.metrics = metrics;
        this.suspensions = suspensions;
        this.queue = queue;
        this.clock = clock;
    }

    /** A step message's body → (campaign id, token); empty if the body is not a campaign step. */
    public static Optional<String[]> parse(String body) {
        if (body == null || !body.startsWith("upgrade:")) {
            return Optional.empty();
        }
        String[] parts = body.strip().split(":", -1);
        if (parts.length != 3 || !Ids.looksLikeId(parts[1], 40) || !Ids.looksLikeId(parts[2], 40)) {
            throw new IllegalArgumentException("malformed upgrade step message");
        }
        return Optional.of(new String[] {parts[1], parts[2]});
    }

    /**
     * A store the fleet just made runs the version functions are created with (the fleet's version, else the
     * stack's: {@link ShopVersions#forNewStores}): recorded once, so the store list and the next campaign know it.
     */
    public void recordNewStore(Store store) {
        ShopVersion stack = code.defaultVersion(); // registers a new stack's layer: published, for a campaign to use
        if (store.status() == StoreStatus.ACTIVE
                && storeVersions.current(store.id()).isEmpty()) {
            storeVersions.record(store.id(), versions.forNewStores(() -> stack).id());
        }
    }

    /** Runs the step the message names; the campaign afterwards (unchanged when the message was stale). */
    public Optional<UpgradeCampaign> step(String id, String token) {
        Optional<UpgradeCampaign> found = campaigns.find(id);
        if (found.isEmpty()) {
            LOG.log(Level.WARNING, "upgrade step for campaign {0}, which is not recorded; dropped", id);
            return Optional.empty();
        }
        UpgradeCampaign c = found.get();
        if (!c.token().equals(token)) {
            LOG.log(Level.INFO, "stale step of campaign {0} (it waits for another message); dropped", id);
            return found;
        }
        if (c.state() != UpgradeState.RUNNING && c.state() != UpgradeState.ROLLING_BACK) {
            return found; // paused or over: the operator's resume sends the next step
        }
        Next next;
        if (c.state() == UpgradeState.ROLLING_BACK) {
            next = rollBack(c);
        } else if (!c.planComplete()) {
            next = plan(c);
        } else {
            next = advance(c);
        }
        if (next.campaign().state() == UpgradeState.DONE) {
            versions.setFleetVersion(c.version()); // before the save: a redelivered step sets it again
        }
        String newToken = Ids.newSecret();
        if (next.delay() != null && !next.campaign().state().isFinal()) {
            queue.step(id, newToken, next.delay());
        }
        UpgradeCampaign saved = next.campaign().withToken(newToken, clock.instant());
        if (!campaigns.save(saved, token)) {
            LOG.log(Level.INFO, "campaign {0} was moved on while this step ran; its result is not saved", id);
            return campaigns.find(id);
        }
        return Optional.of(saved);
    }

    private record Next(UpgradeCampaign campaign, Duration delay) {

        static Next then(UpgradeCampaign c) {
            return new Next(c, CONTINUE);
        }

        static Next after(UpgradeCampaign c, Duration delay) {
            return new Next(c, delay.compareTo(CONTINUE) < 0 ? CONTINUE : delay);
        }

        static Next stop(UpgradeCampaign c) {
            return new Next(c, null);
        }
    }

    // --- plan ------------------------------------------------------------------------------------------------------

    private Next plan(UpgradeCampaign c) {
        String defaultVersion = null;
        String cursor = c.planCursor().isEmpty() ? null : c.planCursor();
        int planned = c.planned();
        int skipped = c.skipped();
        for (int page = 0; page < PLAN_PAGES; page++) {
            Page<StoreListing> stores = directory.page(StoreFilter.NONE, cursor, PAGE);
            List<UpgradeTarget> targets = new ArrayList<>();
            for (StoreListing s : stores.items()) {
                String from = s.shopVersion();
                if (from.isEmpty()) {
                    // a store from before versions were recorded runs what functions were made with
                    if (defaultVersion == null) {
                        defaultVersion = code.defaultVersion().id();
                    }
                    from = defaultVersion;
                }
                boolean open = s.status().equals("ACTIVE") || s.status().equals("SUSPENDED");
                if (!open || from.equals(c.version())) {
                    skipped++;
                    continue;
                }
                targets.add(new UpgradeTarget(
                        planned++,
                        s.id(),
                        new Slug(s.slug()),
                        from,
                        UpgradeTarget.TargetState.WAITING,
                        s.status().equals("ACTIVE")));
            }
            campaigns.addTargets(c.id(), targets);
            cursor = stores.next();
            if (cursor == null) {
                break;
            }
        }
        if (cursor != null) {
            return Next.then(c.withPlan(false, cursor, planned, skipped, List.of()));
        }
        List<Wave> waves = new ArrayList<>();
        int first = 0;
        List<Integer> sizes = WavePlan.sizes(planned);
        for (int i = 0; i < sizes.size(); i++) {
            waves.add(Wave.planned(i + 1, first, sizes.get(i)));
            first += sizes.get(i);
        }
        UpgradeCampaign plannedCampaign = c.withPlan(true, "", planned, skipped, waves);
        if (planned == 0) {
            return Next.stop(plannedCampaign.withState(
                    UpgradeState.DONE, UpgradeNote.of(UpgradeNote.NONE_TO_MOVE, c.version())));
        }
        LOG.log(
                Level.INFO,
                "campaign {0}: {1} store(s) to move to {2} in waves {3}",
                c.id(),
                planned,
                c.version(),
                sizes);
        return Next.then(plannedCampaign);
    }

    // --- waves ------------------------------------------------------------------------------------------------------

    private Next advance(UpgradeCampaign c) {
        Wave w = c.currentWave();
        Instant now = clock.instant();
        return switch (w.state()) {
            case WAITING -> {
                Wave.Figures before = figures(c, w, w.size(), c.rules().window());
                yield deploy(c.withWave(w.measuredBefore(before).with(WaveState.DEPLOYING, UpgradeNote.NONE)));
            }
            case DEPLOYING -> deploy(c);
            case WATCHING ->
                now.isBefore(w.watchUntil()) ? Next.after(c, Duration.between(now, w.watchUntil())) : judge(c, w, now);
            case PASSED -> nextWave(c);
            case ROLLING_BACK, ROLLED_BACK -> Next.then(c.withState(UpgradeState.ROLLING_BACK, c.reason()));
        };
    }

    private Next deploy(UpgradeCampaign c) {
        Wave w = c.currentWave();
        Optional<ShopVersion> version = versions.version(c.version());
        if (version.isEmpty()) {
            return Next.stop(c.withState(UpgradeState.HALTED, UpgradeNote.of(UpgradeNote.VERSION_GONE, c.version())));
        }
        int from = w.first() + w.deployed();
        int to = Math.min(w.first() + w.size(), from + c.rules().batch());
        int deployed = w.deployed();
        Instant started = clock.instant();
        for (UpgradeTarget t : campaigns.targets(c.id(), from, to)) {
            if (overBudget(started)) {
                break;
            }
            UpgradeNote failed = null;
            try {
                code.deploy(t.ref(), version.get());
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "campaign " + c.id() + ": deploying to store " + t.slug() + " failed", failure);
                failed = UpgradeNote.of(
                        UpgradeNote.DEPLOY_FAILED, c.version(), t.slug().value(), w.number(), brief(failure));
            }
            if (failed == null && t.check()) {
                failed = check(c, w, t);
                if (failed == null) {
                    w = w.checkedOne();
                }
            }
            if (failed != null) {
                // the store may have changed (part-way, or wholly and answers badly): put back with the others
                LOG.log(Level.WARNING, "campaign {0}: rolling the wave back: {1}", c.id(), failed.english());
                Wave failing = w.deployedUpTo(deployed + 1).with(WaveState.ROLLING_BACK, failed);
                return Next.then(c.withWave(failing).withState(UpgradeState.ROLLING_BACK, failed));
            }
            storeVersions.record(t.id(), c.version());
            campaigns.updateTarget(c.id(), t.with(UpgradeTarget.TargetState.UPGRADED));
            deployed++;
        }
        Wave progressed = w.deployedUpTo(deployed);
        if (deployed < w.size()) {
            return Next.then(c.withWave(progressed));
        }
        Instant now = clock.instant();
        Instant until = now.plus(c.rules().window());
        LOG.log(Level.INFO, "campaign {0}: wave {1} deployed; watching it until {2}", c.id(), w.number(), until);
        return Next.after(c.withWave(progressed.watching(now, until)), c.rules().window());
    }

    /** The store's check request after its deploy: null if it answered below 500, else why the wave goes back. */
    private UpgradeNote check(UpgradeCampaign c, Wave w, UpgradeTarget t) {
        int status;
        try {
            status = code.check(t.ref());
        } catch (RuntimeException noAnswer) {
            LOG.log(
                    Level.WARNING,
                    "campaign " + c.id() + ": store " + t.slug() + " did not answer its check",
                    noAnswer);
            return UpgradeNote.of(
                    UpgradeNote.CHECK_UNANSWERED, t.slug().value(), c.version(), w.number(), brief(noAnswer));
        }
        if (status >= 500 && suspensions.current(t.id()).isPresent()) {
            // suspended since the plan: its closed page answers 503 whatever the code, so the check proves nothing
            LOG.log(
                    Level.INFO,
                    "campaign {0}: store {1} is suspended; its check answer {2} is not judged",
                    c.id(),
                    t.slug(),
                    status);
            return null;
        }
        if (status >= 500) {
            return UpgradeNote.of(UpgradeNote.CHECK_FAILED, t.slug().value(), status, c.version(), w.number());
        }
        LOG.log(Level.INFO, "campaign {0}: store {1} answered its check with {2}", c.id(), t.slug(), status);
        return null;
    }

    private Next judge(UpgradeCampaign c, Wave w, Instant now) {
        UpgradeRules rules = c.rules();
        Wave.Figures after = figures(c, w, w.deployed(), Duration.between(w.deployedAt(), now));
        if (after.requests() < rules.minRequests()) {
            if (w.watches() + 1 < rules.maxWatches()) {
                Instant until = now.plus(rules.window());
                return Next.after(c.withWave(w.watchedAgain(after, until)), rules.window());
            }
            // too little real traffic to judge: the stores' check requests (each answered, or the wave went back)
            // are what it is judged on
            Wave passed = w.judged(
                    after,
                    WaveState.PASSED,
                    UpgradeNote.of(
                            UpgradeNote.CHECKS_ONLY,
                            w.checked(),
                            after.requests(),
                            w.watches() + 1,
                            rules.minRequests()));
            LOG.log(
                    Level.INFO,
                    "campaign {0}: wave {1}: {2}",
                    c.id(),
                    w.number(),
                    passed.note().english());
            return nextWave(c.withWave(passed));
        }
        Wave.Figures before = w.before().requests() >= rules.minRequests() ? w.before() : Wave.Figures.NONE;
        if (after.rate() > before.rate() + rules.threshold()) {
            UpgradeNote why = UpgradeNote.of(
                    UpgradeNote.ERROR_RATE,
                    after.errors(),
                    after.requests(),
                    before.errors(),
                    before.requests(),
                    w.number());
            LOG.log(Level.WARNING, "campaign {0}: rolling the wave back: {1}", c.id(), why.english());
            return Next.then(
                    c.withWave(w.judged(after, WaveState.ROLLING_BACK, why)).withState(UpgradeState.ROLLING_BACK, why));
        }
        Wave passed = w.judged(
                after,
                WaveState.PASSED,
                UpgradeNote.of(
                        UpgradeNote.PASSED, after.errors(), after.requests(), before.errors(), before.requests()));
        return nextWave(c.withWave(passed));
    }

    private Next nextWave(UpgradeCampaign c) {
        if (c.current() + 1 >= c.waves().size()) {
            LOG.log(Level.INFO, "campaign {0}: every wave passed; the fleet runs {1}", c.id(), c.version());
            return Next.stop(c.withState(UpgradeState.DONE, ""));
        }
        return Next.then(c.withCurrent(c.current() + 1));
    }

    // --- rollback -------------------------------------------------------------------------------------------------

    private Next rollBack(UpgradeCampaign c) {
        Wave w = c.currentWave();
        if (w.state() != WaveState.ROLLING_BACK) {
            w = w.with(WaveState.ROLLING_BACK, w.note().isEmpty() ? c.reason() : w.note());
        }
        int from = w.first() + w.rolledBack();
        int to = Math.min(w.first() + w.deployed(), from + c.rules().batch());
        int rolledBack = w.rolledBack();
        Instant started = clock.instant();
        for (UpgradeTarget t : campaigns.targets(c.id(), from, to)) {
            if (overBudget(started)) {
                break;
            }
            Optional<ShopVersion> previous = versions.version(t.fromVersion());
            if (previous.isEmpty()) {
                // the wave keeps the first reason (why it went back); the campaign says why it stopped there
                return Next.stop(c.withWave(w.rolledBackUpTo(rolledBack))
                        .withState(
                                UpgradeState.HALTED,
                                UpgradeNote.of(
                                        UpgradeNote.CANNOT_PUT_BACK, t.slug().value(), t.fromVersion())));
            }
            code.deploy(t.ref(), previous.get());
            storeVersions.record(t.id(), t.fromVersion());
            campaigns.updateTarget(c.id(), t.with(UpgradeTarget.TargetState.ROLLED_BACK));
            rolledBack++;
        }
        Wave progressed = w.rolledBackUpTo(rolledBack);
        if (rolledBack < w.deployed()) {
            return Next.then(c.withWave(progressed).withState(UpgradeState.ROLLING_BACK, c.reason()));
        }
        LOG.log(Level.WARNING, "campaign {0}: wave {1} is back on its previous version", c.id(), w.number());
        return Next.stop(c.withWave(progressed.with(WaveState.ROLLED_BACK, progressed.note()))
                .withState(UpgradeState.ROLLED_BACK, c.reason()));
    }

    // --- figures ----------------------------------------------------------------------------------------------------

    /** Requests and errors of the wave's first stores (at most {@link UpgradeRules#SAMPLE}) over the period. */
    private Wave.Figures figures(UpgradeCampaign c, Wave w, int count, Duration period) {
        int sample = Math.min(count, UpgradeRules.SAMPLE);
        Wave.Figures sum = Wave.Figures.NONE;
        for (UpgradeTarget t : campaigns.targets(c.id(), w.first(), w.first() + sample)) {
            Optional<StoreMetrics.Figures> f = metrics.recent(t.id(), period);
            if (f.isPresent()) {
                sum = sum.plus(new Wave.Figures(f.get().requests(), f.get().errors()));
            }
        }
        return sum;
    }

    private boolean overBudget(Instant started) {
        return Duration.between(started, clock.instant()).compareTo(STEP_BUDGET) > 0;
    }

    private static String brief(RuntimeException failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() <= 300 ? message : message.substring(0, 300) + "…";
    }
}
