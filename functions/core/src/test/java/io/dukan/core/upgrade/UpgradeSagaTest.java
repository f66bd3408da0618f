package io.dukan.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.operator.PlatformAudit;
import io.dukan.core.operator.PlatformAuditEntry;
import io.dukan.core.operator.Suspension;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeSagaTest {

    private static final UpgradeRules RULES = new UpgradeRules(Duration.ofMinutes(5), 0.05, 20, 2, 2);

    private final FakeFleet fleet = new FakeFleet().withVersion("v1").withVersion("v2");
    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final List<PlatformAuditEntry> audit = new ArrayList<>();
    private final UpgradeSaga saga =
            new UpgradeSaga(fleet, fleet, fleet, fleet, fleet, fleet, fleet.suspensions, fleet, clock);
    private final PlatformAudit platformAudit = new PlatformAudit() {
        @Override
        public void record(PlatformAuditEntry entry, TenantId store) {
            audit.add(entry);
        }

        @Override
        public Page<PlatformAuditEntry> recent(String cursor, int limit) {
            return new Page<>(audit, null);
        }

        @Override
        public List<PlatformAuditEntry> ofStore(TenantId store, int limit) {
            return List.of();
        }
    };
    private final UpgradeService service = new UpgradeService(fleet, fleet, fleet, platformAudit, RULES, clock);

    private void stores(int count) {
        for (int i = 1; i <= count; i++) {
            fleet.store("store-" + i, "v1");
        }
    }

    /** Delivers the last message sent, as the queue would after its delay; returns the campaign afterwards. */
    private UpgradeCampaign deliverNext() {
        FakeFleet.Sent next = fleet.sent.remove(fleet.sent.size() - 1);
        clock.advance(next.delay());
        return saga.step(next.id(), next.token()).orElseThrow();
    }

    private UpgradeCampaign runToTheEnd(UpgradeCampaign c) {
        for (int i = 0; i < 200 && !fleet.sent.isEmpty(); i++) {
            c = deliverNext();
        }
        assertThat(fleet.sent).as("the campaign stopped sending steps").isEmpty();
        return c;
    }

    @Test
    void aGoodVersion_movesEveryStoreInThreeWaves_andIsDone() {
        stores(12);
        UpgradeCampaign c = runToTheEnd(service.start("op@x.test", "v2"));

        assertThat(c.state()).isEqualTo(UpgradeState.DONE);
        assertThat(c.waves()).extracting(Wave::size).containsExactly(1, 2, 9);
        assertThat(c.waves()).extracting(Wave::state).containsOnly(WaveState.PASSED);
        assertThat(fleet.running.values()).containsOnly("v2");
        assertThat(fleet.recorded.values()).containsOnly("v2");
        assertThat(c.upgraded()).isEqualTo(12);
        assertThat(audit).extracting(PlatformAuditEntry::action).containsExactly("started upgrade");
    }

    @Test
    void aFinishedCampaign_movesTheFleetsVersion_soNewStoresGetIt() {
        stores(3);
        assertThat(service.fleetVersion()).isEmpty();
        UpgradeCampaign c = service.start("op@x.test", "v2");
        deliverNext(); // plan
        deliverNext(); // canary deployed
        assertThat(fleet.fleetVersion).as("not while the waves run").isNull();

        c = runToTheEnd(c);

        assertThat(c.state()).isEqualTo(UpgradeState.DONE);
        assertThat(service.fleetVersion()).hasValue("v2");
        saga.recordNewStore(newStore("tnew"));
        assertThat(fleet.recorded.get(new TenantId("tnew"))).isEqualTo("v2");
    }

    @Test
    void aCampaignWithNothingToMove_isDone_andMovesTheFleetsVersion() {
        stores(2);
        fleet.fleetVersion = "v1";
        fleet.withVersion("v3");
        runToTheEnd(service.start("op@x.test", "v2"));
        assertThat(fleet.fleetVersion).isEqualTo("v2");

        UpgradeCampaign again = runToTheEnd(service.start("op@x.test", "v2"));

        assertThat(again.state()).isEqualTo(UpgradeState.DONE);
        assertThat(again.planned()).isZero();
        assertThat(fleet.fleetVersion).isEqualTo("v2");
    }

    @Test
    void aRolledBackCampaign_leavesTheFleetsVersion_andNewStoresGetTheOldOne() {
        stores(5);
        fleet.fleetVersion = "v1";
        fleet.bad.add("v2");

        UpgradeCampaign c = runToTheEnd(service.start("op@x.test", "v2"));

        assertThat(c.state()).isEqualTo(UpgradeState.ROLLED_BACK);
        assertThat(fleet.fleetVersion).isEqualTo("v1");
        saga.recordNewStore(newStore("tnew"));
        assertThat(fleet.recorded.get(new TenantId("tnew"))).isEqualTo("v1");
    }

    @Test
    void aHaltedCampaign_neverMovesTheFleetsVersion() {
        stores(3);
        UpgradeCampaign c = service.start("op@x.test", "v2");
        deliverNext(); // plan
        fleet.versions.remove("v2"); // the target version disappears before its canary is deployed

        c = runToTheEnd(c);

        assertThat(c.state()).isEqualTo(UpgradeState.HALTED);
        assertThat(fleet.fleetVersion).isNull();
    }

    @Test
    void aNewVersionOnlyPublished_doesNotReachNewStores_whileTheFleetsVersionIsSet() {
        fleet.fleetVersion = "v2";
        service.publish("op@x.test", "v9", "builtin:v9", "a new stack's layer");

        saga.recordNewStore(newStore("tnew"));

        assertThat(fleet.recorded.get(new TenantId("tnew"))).isEqualTo("v2");
    }

    @Test
    void aNewStacksLayer_registersItselfWhenAStoreIsMade_butNewStoresKeepTheFleetsVersion() {
        fleet.fleetVersion = "v2";
        fleet.stack = new ShopVersion("v9", "builtin:v9", Instant.EPOCH, "fleet", "deployed with the stack");

        saga.recordNewStore(newStore("tnew"));

        assertThat(fleet.versions).containsKey("v9");
        assertThat(fleet.recorded.get(new TenantId("tnew"))).isEqualTo("v2");
        // until a campaign moves the fleet to it
        stores(2);
        runToTheEnd(service.start("op@x.test", "v9"));
        saga.recordNewStore(newStore("tlater"));
        assertThat(fleet.recorded.get(new TenantId("tlater"))).isEqualTo("v9");
    }

    private static io.dukan.core.tenant.Store newStore(String id) {
        return new io.dukan.core.tenant.Store(
                new TenantId(id),
                new io.dukan.core.tenant.Slug("new-" + id),
                "New",
                "o@x.test",
                "PKR",
                "PK",
                "en",
                io.dukan.core.tenant.StoreStatus.ACTIVE,
                null,
                java.util.Set.of(),
                Instant.EPOCH);
    }

    @Test
    void eachWaveIsWatchedForTheWindow_beforeTheNextOneIsDeployed() {
        stores(3);
        service.start("op@x.test", "v2");
        deliverNext(); // plan
        UpgradeCampaign c = deliverNext(); // canary deployed
        assertThat(c.currentWave().state()).isEqualTo(WaveState.WATCHING);
        assertThat(fleet.sent.get(fleet.sent.size() - 1).delay()).isEqualTo(RULES.window());
        assertThat(fleet.running.values()).containsExactly("v2", "v1", "v1");
    }

    @Test
    void aFailingCanary_isRolledBack_andNoOtherStoreIsTouched() {
        stores(5);
        fleet.bad.add("v2");
        UpgradeCampaign c = runToTheEnd(service.start("op@x.test", "v2"));

        assertThat(c.state()).isEqualTo(UpgradeState.ROLLED_BACK);
        assertThat(c.reason()).isEqualTo(UpgradeNote.of(UpgradeNote.ERROR_RATE, 25, 50, 0, 50, 1));
        assertThat(c.reason().english())
                .isEqualTo("Error rate 50.0 % (25 of 50 requests) after the upgrade, 0.0 % before, in wave 1.");
        assertThat(c.waves().get(0).note()).isEqualTo(c.reason());
        assertThat(fleet.checks)
                .as("the canary answered its check: the traffic found it out")
                .hasSize(1);
        assertThat(c.waves().get(0).state()).isEqualTo(WaveState.ROLLED_BACK);
        assertThat(c.waves().get(1).state()).isEqualTo(WaveState.WAITING);
        assertThat(fleet.running.values()).containsOnly("v1");
        assertThat(fleet.recorded.values()).containsOnly("v1");
        assertThat(fleet.deploys).containsExactly("store-1→v2", "store-1→v1");
        assertThat(service.active()).isEmpty();
    }

    @Test
    void aWaveThatCannotBeDeployed_isPutBack_withTheReason() {
        stores(12);
        fleet.failDeployTo = "store-3";
        UpgradeCampaign c = runToTheEnd(service.start("op@x.test", "v2"));

        assertThat(c.state()).isEqualTo(UpgradeState.ROLLED_BACK);
        assertThat(c.reason())
                .isEqualTo(UpgradeNote.of(UpgradeNote.DEPLOY_FAILED, "v2", "store-3", 2, "Lambda said no"));
        assertThat(fleet.running.get(fleet.id("store-1"))).isEqualTo("v2"); // the canary passed
        assertThat(fleet.running.get(fleet.id("store-2"))).isEqualTo("v1");
        assertThat(fleet.running.get(fleet.id("store-3"))).isEqualTo("v1");
        assertThat(fleet.running.get(fleet.id("store-4"))).isEqualTo("v1"); // wave 3 never started
    }

    @Test
    void anIdleCanary_isWatchedAgain_thenPassedWithANote() {
        stores(1);
        fleet.trafficPerRead = 0;
        UpgradeCampaign c = runToTheEnd(service.start("op@x.test", "v2"));

        assertThat(c.state()).isEqualTo(UpgradeState.DONE);
        assertThat(c.waves().get(0).watches()).isEqualTo(RULES.maxWatches());
        assertThat(c.waves().get(0).note()).isEqualTo(UpgradeNote.of(UpgradeNote.CHECKS_ONLY, 1, 0, 2, 20));
        assertThat(c.waves().get(0).note().english())
                .isEqualTo("Judged on the check requests only: checks answered 1; real requests 0 in 2 watch windows"
                        + " (fewer than 20).");
    }

    @Test
    void aCanaryWhoseCheckAnswers500_isRolledBackAtOnce_withNoTrafficAtAll() {
        stores(5);
        fleet.trafficPerRead = 0;
        fleet.checkAnswers.put("v2", 500);
        UpgradeCampaign c = runToTheEnd(service.start("op@x.test", "v2"));

        assertThat(c.state()).isEqualTo(UpgradeState.ROLLED_BACK);
        assertThat(c.reason()).isEqualTo(UpgradeNote.of(UpgradeNote.CHECK_FAILED, "store-1", 500, "v2", 1));
        assertThat(c.reason().english())
                .isEqualTo("Store store-1 answered its check request with HTTP 500 after the upgrade to v2 (wave 1).");
        Wave canary = c.waves().get(0);
        assertThat(canary.state()).isEqualTo(WaveState.ROLLED_BACK);
        assertThat(canary.watches())
                .as("never watched: rolled back before the window")
                .isZero();
        assertThat(canary.deployedAt()).isNull();
        assertThat(canary.rolledBack()).isEqualTo(1);
        assertThat(fleet.checks).containsExactly("store-1@v2");
        assertThat(fleet.deploys).containsExactly("store-1→v2", "store-1→v1");
        assertThat(fleet.running.values()).containsOnly("v1");
        assertThat(fleet.recorded.values()).containsOnly("v1");
        assertThat(clock.instant())
                .isBefore(Instant.parse("2026-12-06T10:00:00Z").plus(RULES.window()));
    }

    @Test
    void aCheckThatGetsNoAnswer_rollsTheWaveBack_withTheFailure() {
        stores(12);
        UpgradeCampaign c = service.start("op@x.test", "v2");
        deliverNext(); // plan
        deliverNext(); // canary deployed and checked
        fleet.silent.add("v2");
        c = runToTheEnd(fleet.find(c.id()).orElseThrow());

        assertThat(c.state()).isEqualTo(UpgradeState.ROLLED_BACK);
        assertThat(c.reason())
                .isEqualTo(UpgradeNote.of(
                        UpgradeNote.CHECK_UNANSWERED, "store-2", "v2", 2, "Task timed out after 15.00 seconds"));
        assertThat(c.waves().get(0).state()).isEqualTo(WaveState.PASSED);
        assertThat(c.waves().get(1).state()).isEqualTo(WaveState.ROLLED_BACK);
        assertThat(fleet.running.get(fleet.id("store-1"))).isEqualTo("v2");
        assertThat(fleet.running.get(fleet.id("store-2"))).isEqualTo("v1");
        assertThat(fleet.running.get(fleet.id("store-3")))
                .as("its wave stopped at the first")
                .isEqualTo("v1");
        assertThat(fleet.checks).containsExactly("store-1@v2", "store-2@v2");
    }

    @Test
    void anIdleFleet_isJudgedOnTheChecks_eachStoreAnsweringOnce() {
        stores(12);
        fleet.trafficPerRead = 0;
        UpgradeCampaign c = runToTheEnd(service.start("op@x.test", "v2"));

        assertThat(c.state()).isEqualTo(UpgradeState.DONE);
        assertThat(c.waves()).extracting(Wave::checked).containsExactly(1, 2, 9);
        assertThat(c.waves().get(2).note()).isEqualTo(UpgradeNote.of(UpgradeNote.CHECKS_ONLY, 9, 0, 2, 20));
        assertThat(fleet.checks).hasSize(12).allMatch(check -> check.endsWith("@v2"));
    }

    @Test
    void aSuspendedStore_isUpgradedWithoutACheck_itsClosedPageIsNoFailure() {
        fleet.store("closed-for-now", "v1", "SUSPENDED");
        fleet.checkAnswers.put("v2", 503);
        fleet.trafficPerRead = 0;
        UpgradeCampaign c = runToTheEnd(service.start("op@x.test", "v2"));

        assertThat(c.state()).isEqualTo(UpgradeState.DONE);
        assertThat(fleet.checks).isEmpty();
        assertThat(c.waves().get(0).note()).isEqualTo(UpgradeNote.of(UpgradeNote.CHECKS_ONLY, 0, 0, 2, 20));
        assertThat(fleet.running.values()).containsOnly("v2");
    }

    @Test
    void aStoreSuspendedAfterThePlan_answers503ToItsCheck_andTheWaveIsNotRolledBackForIt() {
        fleet.store("shop-a", "v1").store("shop-b", "v1");
        fleet.checkAnswers.put("v2", 503);
        fleet.trafficPerRead = 0;
        UpgradeCampaign c = service.start("op@x.test", "v2");
        deliverNext(); // plan: both stores are active and get a check
        fleet.suspensions.suspend(fleet.id("shop-a"), new Suspension("fraud reports", "op@x.test", Instant.EPOCH));
        fleet.suspensions.suspend(fleet.id("shop-b"), new Suspension("fraud reports", "op@x.test", Instant.EPOCH));
        c = runToTheEnd(c);

        assertThat(c.state()).isEqualTo(UpgradeState.DONE);
        assertThat(fleet.checks).hasSize(2);
        assertThat(fleet.running.values()).containsOnly("v2");
    }

    @Test
    void anActiveStoreAnswering503ToItsCheck_stillRollsTheWaveBack() {
        fleet.store("shop-a", "v1").store("shop-b", "v1");
        fleet.checkAnswers.put("v2", 503);
        fleet.trafficPerRead = 0;
        UpgradeCampaign c = runToTheEnd(service.start("op@x.test", "v2"));

        assertThat(c.state()).isEqualTo(UpgradeState.ROLLED_BACK);
        assertThat(fleet.running.values()).containsOnly("v1");
    }

    @Test
    void aBatchOfSlowChecks_isSpreadOverSteps_eachWithinTheStepsBudget() {
        UpgradeRules bigBatches = new UpgradeRules(Duration.ofMinutes(5), 0.05, 20, 2, 25);
        UpgradeService bigBatchService = new UpgradeService(fleet, fleet, fleet, platformAudit, bigBatches, clock);
        stores(30);
        fleet.clock = clock;
        fleet.checkTakes = Duration.ofSeconds(12); // each check a cold start
        UpgradeCampaign c = bigBatchService.start("op@x.test", "v2");
        List<Integer> lastWaveProgress = new ArrayList<>();
        for (int i = 0; i < 200 && !fleet.sent.isEmpty(); i++) {
            c = deliverNext();
            if (c.current() == 2 && c.currentWave().state() == WaveState.DEPLOYING) {
                lastWaveProgress.add(c.currentWave().deployed());
            }
        }

        assertThat(c.waves()).extracting(Wave::size).containsExactly(1, 3, 26);
        assertThat(lastWaveProgress)
                .as("three stores a step (the third check starts 24 s in), never the whole batch of 25")
                .startsWith(3, 6, 9);
        assertThat(c.state()).isEqualTo(UpgradeState.DONE);
        assertThat(fleet.running.values()).containsOnly("v2");
    }

    @Test
    void aStoreThatAnswersItsCheckWith404_isNoFailure() {
        stores(1);
        fleet.checkAnswers.put("v2", 404);
        assertThat(runToTheEnd(service.start("op@x.test", "v2")).state()).isEqualTo(UpgradeState.DONE);
    }

    // --- the nudge -------------------------------------------------------------------------------------------------

    private final UpgradeNudge nudge = new UpgradeNudge(fleet, fleet, clock, UpgradeNudge.GRACE);

    @Test
    void aCampaignWhoseStepIsNotOverdue_isNotNudged() {
        stores(3);
        service.start("op@x.test", "v2");
        deliverNext(); // plan
        deliverNext(); // canary deployed: watched for 5 minutes
        fleet.sent.clear(); // the window's message is lost
        clock.advance(RULES.window().plus(UpgradeNudge.GRACE)); // due at the window's end: late by the grace only

        assertThat(nudge.run()).isEmpty();
        assertThat(fleet.sent).isEmpty();
    }

    @Test
    void aStalledCampaign_isNudgedOnce_withItsCurrentToken_andFinishes() {
        stores(3);
        UpgradeCampaign started = service.start("op@x.test", "v2");
        deliverNext(); // plan
        UpgradeCampaign watching = deliverNext(); // canary deployed
        fleet.sent.clear(); // lost
        clock.advance(RULES.window().plus(UpgradeNudge.GRACE).plusSeconds(1));

        assertThat(nudge.run()).map(UpgradeCampaign::id).hasValue(started.id());
        assertThat(fleet.sent).containsExactly(new FakeFleet.Sent(started.id(), watching.token(), Duration.ZERO));

        UpgradeCampaign done = runToTheEnd(fleet.find(started.id()).orElseThrow());
        assertThat(done.state()).isEqualTo(UpgradeState.DONE);
        assertThat(fleet.running.values()).containsOnly("v2");
        assertThat(nudge.run()).as("a finished campaign is never nudged").isEmpty();
        assertThat(fleet.sent).isEmpty();
    }

    @Test
    void theOriginalStepAndItsNudge_bothArriving_moveTheCampaignOnOnce() {
        stores(3);
        UpgradeCampaign started = service.start("op@x.test", "v2");
        deliverNext(); // plan
        FakeFleet.Sent original = fleet.sent.remove(fleet.sent.size() - 1); // the canary's step, held up
        clock.advance(UpgradeNudge.GRACE.plusMinutes(1));
        nudge.run();
        FakeFleet.Sent nudged = fleet.sent.remove(fleet.sent.size() - 1);
        assertThat(nudged.token()).isEqualTo(original.token());

        UpgradeCampaign first = saga.step(original.id(), original.token()).orElseThrow();
        UpgradeCampaign second = saga.step(nudged.id(), nudged.token()).orElseThrow();

        assertThat(second).as("the second is stale: dropped").isEqualTo(first);
        assertThat(fleet.deploys).containsExactly("store-1→v2");
        assertThat(fleet.checks).containsExactly("store-1@v2");
        assertThat(fleet.sent).as("one next step, not two").hasSize(1);
        assertThat(runToTheEnd(first).state()).isEqualTo(UpgradeState.DONE);
    }

    @Test
    void aPausedCampaign_isNeverNudged_norARollingBackOneOnTime() {
        stores(12);
        UpgradeCampaign c = service.start("op@x.test", "v2");
        deliverNext(); // plan
        service.pause("op@x.test", c.id());
        clock.advance(Duration.ofHours(5));
        assertThat(nudge.run()).isEmpty();
        assertThat(fleet.find(c.id()).orElseThrow().nextStepDue()).isEmpty();

        service.resume("op@x.test", c.id());
        fleet.sent.clear(); // the resume's step is lost too
        UpgradeCampaign resumed = fleet.find(c.id()).orElseThrow();
        assertThat(resumed.nextStepDue()).hasValue(resumed.updatedAt().plusSeconds(1));
        clock.advance(UpgradeNudge.GRACE.plusSeconds(2));
        assertThat(nudge.run()).isPresent();
        assertThat(fleet.sent).extracting(FakeFleet.Sent::token).containsExactly(resumed.token());
    }

    @Test
    void aLongWatch_isDueWhenItsDelayedMessageComes_notAtItsEnd() {
        UpgradeRules slow = new UpgradeRules(Duration.ofHours(1), 0.05, 20, 2, 2);
        Instant at = clock.instant();
        UpgradeCampaign c = UpgradeCampaign.started("abc234", "v2", "op", at, slow, "tok")
                .withPlan(
                        true,
                        "",
                        1,
                        0,
                        List.of(Wave.planned(1, 0, 1).deployedUpTo(1).watching(at, at.plus(slow.window()))));
        assertThat(c.nextStepDue()).hasValue(at.plus(UpgradeQueue.MAX_DELAY));
        assertThat(c.withState(UpgradeState.DONE, "").nextStepDue()).isEmpty();
        assertThat(UpgradeNudge.stalled(
                        c, at.plus(UpgradeQueue.MAX_DELAY).plus(UpgradeNudge.GRACE), UpgradeNudge.GRACE))
                .isFalse();
        assertThat(UpgradeNudge.stalled(
                        c,
                        at.plus(UpgradeQueue.MAX_DELAY).plus(UpgradeNudge.GRACE).plusSeconds(1),
                        UpgradeNudge.GRACE))
                .isTrue();
    }

    @Test
    void storesAlreadyOnTheVersion_orNotOpen_areLeftOut() {
        stores(2);
        fleet.store("already", "v2");
        UpgradeCampaign c = runToTheEnd(service.start("op@x.test", "v2"));

        assertThat(c.planned()).isEqualTo(2);
        assertThat(c.skipped()).isEqualTo(1);
        assertThat(fleet.deploys).noneMatch(d -> d.startsWith("already"));
    }

    @Test
    void aWorkerThatDiesMidStep_isRedelivered_andTheStepIsRedone() {
        stores(3);
        service.start("op@x.test", "v2");
        deliverNext(); // plan
        FakeFleet.Sent canaryStep = fleet.sent.get(fleet.sent.size() - 1);
        fleet.crashOnce = true;
        assertThatThrownBy(() -> saga.step(canaryStep.id(), canaryStep.token()))
                .isInstanceOf(IllegalStateException.class);

        UpgradeCampaign redelivered =
                saga.step(canaryStep.id(), canaryStep.token()).orElseThrow();
        assertThat(redelivered.currentWave().state()).isEqualTo(WaveState.WATCHING);
        assertThat(redelivered.currentWave().deployed()).isEqualTo(1);
        fleet.sent.remove(canaryStep);
        UpgradeCampaign done = runToTheEnd(redelivered);
        assertThat(done.state()).isEqualTo(UpgradeState.DONE);
        assertThat(fleet.running.values()).containsOnly("v2");
    }

    @Test
    void aDuplicateMessage_doesNothing() {
        stores(3);
        service.start("op@x.test", "v2");
        FakeFleet.Sent first = fleet.sent.get(0);
        UpgradeCampaign planned = deliverNext();
        UpgradeCampaign again = saga.step(first.id(), first.token()).orElseThrow();

        assertThat(again).isEqualTo(planned);
        assertThat(fleet.sent).hasSize(1);
    }

    @Test
    void aPausedCampaign_stopsBetweenSteps_andResumesWhereItWas() {
        stores(12);
        UpgradeCampaign c = service.start("op@x.test", "v2");
        deliverNext(); // plan
        deliverNext(); // canary
        service.pause("op@x.test", c.id());
        UpgradeCampaign paused = deliverNext(); // the window's message, sent before the pause: stale
        assertThat(paused.state()).isEqualTo(UpgradeState.PAUSED);
        assertThat(fleet.sent).isEmpty();
        assertThat(fleet.running.values())
                .containsExactlyElementsOf(
                        List.of("v2", "v1", "v1", "v1", "v1", "v1", "v1", "v1", "v1", "v1", "v1", "v1"));

        service.resume("op@x.test", c.id());
        UpgradeCampaign done = runToTheEnd(fleet.find(c.id()).orElseThrow());
        assertThat(done.state()).isEqualTo(UpgradeState.DONE);
        assertThat(fleet.running.values()).containsOnly("v2");
        assertThat(audit)
                .extracting(PlatformAuditEntry::action)
                .containsExactly("started upgrade", "paused upgrade", "resumed upgrade");
    }

    @Test
    void oneCampaignAtATime() {
        stores(2);
        service.start("op@x.test", "v2");
        assertThatThrownBy(() -> service.start("op@x.test", "v2"))
                .isInstanceOf(UpgradeService.UpgradeRunningException.class);
    }

    @Test
    void aNewStore_recordsTheVersionFunctionsAreMadeWith() {
        io.dukan.core.tenant.Store store = new io.dukan.core.tenant.Store(
                new TenantId("tnew"),
                new io.dukan.core.tenant.Slug("new-store"),
                "New",
                "o@x.test",
                "PKR",
                "PK",
                "en",
                io.dukan.core.tenant.StoreStatus.ACTIVE,
                null,
                java.util.Set.of(),
                Instant.EPOCH);
        saga.recordNewStore(store);
        assertThat(fleet.recorded.get(new TenantId("tnew"))).isEqualTo("v1");
    }

    @Test
    void stepMessages_areToldApartFromStoreIds() {
        assertThat(UpgradeSaga.parse("abcd234")).isEmpty();
        assertThat(UpgradeSaga.parse(UpgradeQueue.message("abc234", "xyz567")).orElseThrow())
                .containsExactly("abc234", "xyz567");
        assertThatThrownBy(() -> UpgradeSaga.parse("upgrade:ABC:x#y")).isInstanceOf(IllegalArgumentException.class);
    }
}
