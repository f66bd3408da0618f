package io.dukan.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.offboard.Offboarding;
import io.dukan.core.offboard.OffboardingState;
import io.dukan.core.offboard.OffboardingStep;
import io.dukan.core.operator.PlatformAuditEntry;
import io.dukan.core.operator.StoreFigures;
import io.dukan.core.operator.StoreFilter;
import io.dukan.core.operator.StoreListing;
import io.dukan.core.operator.StoreMetrics;
import io.dukan.core.operator.Suspension;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.core.tenant.TenantId;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operator console's table (i18n/operator_{lang}.properties) is complete in every language, and every console
 * page, rendered in every language, has that language and direction and none of the English table's sentences.
 */
class OperatorMessagesTest {

    static final TenantId TENANT = new TenantId("abcdefgh23456723");

    @Test
    void everyLanguage_hasEveryKey_withTheSamePlaceholders_translated() {
        Messages english = OperatorConsole.text(Language.EN);
        for (Language language : Language.all()) {
            Messages m = OperatorConsole.text(language);
            assertThat(m.keys()).as(language.code()).containsExactlyInAnyOrderElementsOf(english.keys());
            for (String key : english.keys()) {
                assertThat(PlatformMessagesTest.placeholders(m.own().get(key)))
                        .as(language.code() + " " + key)
                        .isEqualTo(
                                PlatformMessagesTest.placeholders(english.own().get(key)));
                if (language != Language.EN
                        && !Set.of("op.nav", "metrics.source").contains(key)) {
                    assertThat(m.own().get(key))
                            .as(language.code() + " " + key)
                            .isNotEqualTo(english.own().get(key));
                }
            }
        }
    }

    static final Instant STARTED = Instant.parse("2026-12-02T09:00:00Z");

    /** An operator's offboarding of the sample store, its archive stored (kept a week). */
    static Offboarding offboarding(
            OffboardingState state, Set<OffboardingStep> done, long itemsDeleted, Instant deletedAt) {
        return new Offboarding(
                TENANT,
                new Slug("zxq-store"),
                "operator ops@x.example",
                STARTED,
                state,
                done,
                "",
                itemsDeleted,
                "exports/zxq.zip",
                STARTED.plus(Duration.ofDays(7)),
                deletedAt,
                null);
    }

    static String storeWithOffboarding(
            OperatorPages.Frame f, Store store, List<PlatformAuditEntry> history, Offboarding o, String error) {
        return OperatorPages.store(
                        error == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
                        f,
                        store,
                        null,
                        null,
                        null,
                        history,
                        OffboardingPanel.of(o, Duration.ofDays(30), f.m()),
                        null,
                        "/prod/s/zxq-store/",
                        error)
                .body();
    }

    static Map<String, String> everyPage(Language language) {
        Messages m = OperatorConsole.text(language);
        OperatorPages.Frame signedOut = new OperatorPages.Frame(m, "/prod", "", null, "csrf", "/prod/operator/signin");
        OperatorPages.Frame f =
                new OperatorPages.Frame(m, "/prod", "stores", "ops@x.example", "csrf", "/prod/operator/stores");
        Store store = new Store(
                TENANT,
                new Slug("zxq-store"),
                "Zxq",
                "zxq@x.example",
                "PKR",
                "PK",
                "ur",
                StoreStatus.ACTIVE,
                null,
                Set.of(),
                Instant.parse("2026-12-01T10:00:00Z"));
        StoreListing listing = new StoreListing(
                TENANT,
                "zxq-store",
                "Zxq",
                "zxq@x.example",
                "PK",
                "ur",
                "SUSPENDED",
                Instant.parse("2026-12-01T10:00:00Z"),
                "");
        PlatformAuditEntry entry =
                new PlatformAuditEntry(Instant.now(), "ops@x.example", "suspended store", "zxq-store", "Zxq");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(
                "signin",
                OperatorPages.signIn(HttpStatus.UNAUTHORIZED, signedOut, "", m.t("signin.failed"))
                        .body());
        pages.put(
                "stores",
                OperatorPages.stores(
                                f,
                                StoreFilter.NONE,
                                List.of(listing),
                                Map.of(TENANT, new StoreFigures.Last30Days(3, 125_000, "PKR")),
                                "/operator/stores?after=x")
                        .body());
        pages.put(
                "stores-empty",
                OperatorPages.stores(f, StoreFilter.NONE, List.of(), Map.of(), null)
                        .body());
        pages.put(
                "store-active",
                OperatorPages.store(
                                HttpStatus.OK,
                                f,
                                store,
                                null,
                                new StoreMetrics.Figures(10, 1, 2, 12.5, 80, "Zxq"),
                                null,
                                List.of(entry),
                                null,
                                null,
                                "/prod/s/zxq-store/",
                                null)
                        .body());
        pages.put(
                "store-suspended",
                OperatorPages.store(
                                HttpStatus.BAD_REQUEST,
                                f,
                                store,
                                new Suspension("Zxq", "ops@x.example", Instant.now()),
                                null,
                                null,
                                List.of(),
                                null,
                                null,
                                "/prod/s/zxq-store/",
                                m.t("store.wrongState"))
                        .body());
        Instant started = STARTED;
        pages.put(
                "store-offboarding",
                storeWithOffboarding(
                        f,
                        store.withStatus(StoreStatus.CLOSING, null),
                        List.of(new PlatformAuditEntry(
                                started, "ops@x.example", "started offboarding", "zxq-store", "Zxq")),
                        offboarding(OffboardingState.RUNNING, Set.of(OffboardingStep.CLOSE), 0, null),
                        null));
        pages.put(
                "store-offboarded",
                storeWithOffboarding(
                        f,
                        store.withStatus(StoreStatus.CLOSED, null),
                        List.of(),
                        offboarding(
                                OffboardingState.DELETED,
                                Set.of(
                                        OffboardingStep.CLOSE,
                                        OffboardingStep.EXPORT,
                                        OffboardingStep.FUNCTION,
                                        OffboardingStep.DATA,
                                        OffboardingStep.MEDIA),
                                1234,
                                started.plus(Duration.ofHours(1))),
                        null));
        Offboarding reopened = new Offboarding(
                TENANT,
                store.slug(),
                "owner zxq@x.example",
                started,
                OffboardingState.REOPENED,
                Set.of(OffboardingStep.CLOSE),
                "",
                0,
                null,
                null,
                null,
                "the export could not be made; nothing was deleted");
        pages.put(
                "store-reopened-wrong-slug",
                storeWithOffboarding(f, store, List.of(), reopened, m.t("offboard.confirmWrong")));
        pages.put(
                "approvals",
                OperatorPages.approvals(f, List.of(), m.t("signups.gone")).body());
        pages.put(
                "audit",
                OperatorPages.audit(f, List.of(entry), "/operator/audit?after=x")
                        .body());
        pages.put("missing", OperatorPages.notFound(f).body());
        upgradePages(m, f, pages);
        return pages;
    }

    static final java.time.Duration GRACE = io.dukan.core.upgrade.UpgradeNudge.GRACE;
    /** The canary's error rate rose from 0 of 40 to 15 of 30 (50 %). */
    static final io.dukan.core.upgrade.UpgradeNote ERROR_RATE =
            io.dukan.core.upgrade.UpgradeNote.of(io.dukan.core.upgrade.UpgradeNote.ERROR_RATE, 15, 30, 0, 40, 1);

    static final io.dukan.core.upgrade.UpgradeNote CHECK_FAILED = io.dukan.core.upgrade.UpgradeNote.of(
            io.dukan.core.upgrade.UpgradeNote.CHECK_FAILED, "zxq-store", 500, "zxq-2", 2);
    static final io.dukan.core.upgrade.UpgradeNote DEPLOY_FAILED = io.dukan.core.upgrade.UpgradeNote.of(
            io.dukan.core.upgrade.UpgradeNote.DEPLOY_FAILED, "zxq-2", "zxq-store", 2, "Rate exceeded");

    /** The upgrades pages: versions and campaigns, a campaign rolled back, one running, and an empty one. */
    static void upgradePages(Messages m, OperatorPages.Frame f, Map<String, String> pages) {
        io.dukan.core.upgrade.UpgradeRules rules = io.dukan.core.upgrade.UpgradeRules.DEFAULTS;
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        io.dukan.core.upgrade.ShopVersion version =
                new io.dukan.core.upgrade.ShopVersion("zxq-2", "/tmp/zxq.jar!a.b.Zxq", at, "ops@x.example", "Zxq");
        io.dukan.core.upgrade.Wave canary = io.dukan.core.upgrade.Wave.planned(1, 0, 1)
                .measuredBefore(new io.dukan.core.upgrade.Wave.Figures(40, 0))
                .deployedUpTo(1)
                .judged(
                        new io.dukan.core.upgrade.Wave.Figures(30, 15),
                        io.dukan.core.upgrade.WaveState.ROLLED_BACK,
                        ERROR_RATE)
                .rolledBackUpTo(1);
        io.dukan.core.upgrade.UpgradeCampaign rolledBack = io.dukan.core.upgrade.UpgradeCampaign.started(
                        "abcdefgh23456723", "zxq-2", "ops@x.example", at, rules, "tok")
                .withPlan(
                        true,
                        "",
                        12,
                        1,
                        List.of(
                                canary,
                                io.dukan.core.upgrade.Wave.planned(2, 1, 2),
                                io.dukan.core.upgrade.Wave.planned(3, 3, 9)))
                .withState(io.dukan.core.upgrade.UpgradeState.ROLLED_BACK, ERROR_RATE);
        io.dukan.core.upgrade.UpgradeCampaign running = io.dukan.core.upgrade.UpgradeCampaign.started(
                        "abcdefgh23456724", "zxq-2", "ops@x.example", at, rules, "tok")
                .withPlan(
                        true,
                        "",
                        1,
                        0,
                        List.of(io.dukan.core.upgrade.Wave.planned(1, 0, 1)
                                .deployedUpTo(1)
                                .watching(at, at.plusSeconds(600))));
        List<io.dukan.core.upgrade.UpgradeTarget> stores = List.of(new io.dukan.core.upgrade.UpgradeTarget(
                0,
                TENANT,
                new Slug("zxq-store"),
                "zxq-1",
                io.dukan.core.upgrade.UpgradeTarget.TargetState.ROLLED_BACK));
        pages.put(
                "upgrades",
                UpgradePages.upgrades(
                                HttpStatus.CONFLICT,
                                f,
                                List.of(version),
                                List.of(running, rolledBack),
                                running,
                                rules,
                                null,
                                m.t("upgrades.error.running"),
                                Map.of("id", "zxq-3"))
                        .body());
        pages.put(
                "upgrades-empty",
                UpgradePages.upgrades(HttpStatus.OK, f, List.of(), List.of(), null, rules, null, null, Map.of())
                        .body());
        pages.put(
                "upgrades-start",
                UpgradePages.upgrades(
                                HttpStatus.OK,
                                f,
                                List.of(version),
                                List.of(rolledBack),
                                null,
                                rules,
                                null,
                                null,
                                Map.of())
                        .body());
        pages.put(
                "upgrades-fleet-version",
                UpgradePages.upgrades(
                                HttpStatus.OK,
                                f,
                                List.of(version),
                                List.of(rolledBack),
                                null,
                                rules,
                                "zxq-2",
                                null,
                                Map.of())
                        .body());
        Store store = new Store(
                TENANT,
                new Slug("zxq-store"),
                "Zxq",
                "zxq@x.example",
                "PKR",
                "PK",
                "ur",
                StoreStatus.ACTIVE,
                null,
                Set.of(),
                at);
        for (io.dukan.core.upgrade.UpgradeTarget.TargetState state :
                io.dukan.core.upgrade.UpgradeTarget.TargetState.values()) {
            pages.put(
                    "store-upgrade-" + state,
                    OperatorPages.store(
                                    HttpStatus.OK,
                                    f,
                                    store,
                                    null,
                                    null,
                                    null,
                                    List.of(),
                                    null,
                                    new ShopCodePanel(
                                            "zxq-1",
                                            running,
                                            new io.dukan.core.upgrade.UpgradeTarget(
                                                    0, TENANT, new Slug("zxq-store"), "zxq-1", state)),
                                    "/prod/s/zxq-store/",
                                    null)
                            .body());
        }
        pages.put(
                "store-not-in-upgrade",
                OperatorPages.store(
                                HttpStatus.OK,
                                f,
                                store,
                                null,
                                null,
                                null,
                                List.of(),
                                null,
                                new ShopCodePanel("", running, null),
                                "/prod/s/zxq-store/",
                                null)
                        .body());
        pages.put(
                "upgrade-rolled-back",
                UpgradePages.campaign(
                                HttpStatus.OK,
                                f,
                                rolledBack,
                                w -> w.number() == 1 ? stores : List.of(),
                                null,
                                at.plusSeconds(3600),
                                GRACE)
                        .body());
        pages.put(
                "upgrade-running",
                UpgradePages.campaign(
                                HttpStatus.CONFLICT,
                                f,
                                running,
                                w -> stores,
                                m.t("upgrade.error.notPaused"),
                                at.plusSeconds(60),
                                GRACE)
                        .body());
        // the same campaign an hour on, its step lost: stalled
        pages.put(
                "upgrade-stalled",
                UpgradePages.campaign(HttpStatus.OK, f, running, w -> stores, null, at.plusSeconds(3600), GRACE)
                        .body());
        // a canary that failed its check request, a deploy that failed, a wave passed on its checks alone
        io.dukan.core.upgrade.UpgradeCampaign checked = io.dukan.core.upgrade.UpgradeCampaign.started(
                        "abcdefgh23456725", "zxq-2", "ops@x.example", at, rules, "tok")
                .withPlan(
                        true,
                        "",
                        3,
                        0,
                        List.of(
                                io.dukan.core.upgrade.Wave.planned(1, 0, 1)
                                        .deployedUpTo(1)
                                        .judged(
                                                io.dukan.core.upgrade.Wave.Figures.NONE,
                                                io.dukan.core.upgrade.WaveState.PASSED,
                                                io.dukan.core.upgrade.UpgradeNote.of(
                                                        io.dukan.core.upgrade.UpgradeNote.CHECKS_ONLY, 1, 0, 3, 20)),
                                io.dukan.core.upgrade.Wave.planned(2, 1, 1)
                                        .deployedUpTo(1)
                                        .with(io.dukan.core.upgrade.WaveState.ROLLED_BACK, CHECK_FAILED),
                                io.dukan.core.upgrade.Wave.planned(3, 2, 1)))
                .withCurrent(1)
                .withState(
                        io.dukan.core.upgrade.UpgradeState.HALTED,
                        io.dukan.core.upgrade.UpgradeNote.of(
                                io.dukan.core.upgrade.UpgradeNote.CANNOT_PUT_BACK, "zxq-store", "zxq-0"));
        pages.put(
                "upgrade-checks",
                UpgradePages.campaign(HttpStatus.OK, f, checked, w -> stores, null, at, GRACE)
                        .body());
        pages.put(
                "upgrade-deploy-failed",
                UpgradePages.campaign(
                                HttpStatus.OK,
                                f,
                                checked.withState(io.dukan.core.upgrade.UpgradeState.ROLLED_BACK, DEPLOY_FAILED),
                                w -> stores,
                                null,
                                at,
                                GRACE)
                        .body());
    }

    @Test
    void everyConsolePage_inEveryLanguage_hasItsLanguageAndDirection_andNoEnglishSentence() {
        Messages english = OperatorConsole.text(Language.EN);
        for (Language language : Language.all()) {
            String own = String.join("\n", OperatorConsole.text(language).own().values());
            for (Map.Entry<String, String> page : everyPage(language).entrySet()) {
                String where = language.code() + " " + page.getKey();
                assertThat(page.getValue())
                        .as(where)
                        .contains("<html lang=\"" + language.code() + "\" dir=\"" + language.dir() + "\">")
                        .contains("<meta name=\"viewport\"")
                        .doesNotContain(">null<");
                if (language == Language.EN) {
                    continue;
                }
                for (String sentence : english.own().values()) {
                    if (sentence.length() > 12 && !sentence.contains("{") && !own.contains(sentence)) {
                        assertThat(page.getValue())
                                .as(where + " shows English: " + sentence)
                                .doesNotContain(sentence);
                    }
                }
            }
        }
    }

    @Test
    void theStorePage_offersOffboarding_onlyForAnOpenStore_andShowsHowARunningOneStands() {
        Map<String, String> pages = everyPage(Language.EN);
        assertThat(pages.get("store-active"))
                .contains("Offboard this store")
                .contains("/prod/operator/stores/zxq-store/close")
                .contains("name=\"confirm\"")
                .contains("name=\"_csrf\"");
        assertThat(pages.get("store-offboarding"))
                .doesNotContain("/operator/stores/zxq-store/close")
                .contains("Closing")
                .contains("Started by operator ops@x.example on 2026-12-02 09:00 UTC")
                .containsPattern("data-step=\"CLOSE\" data-done=\"yes\">Closed to shoppers: <strong>done")
                .containsPattern("data-step=\"EXPORT\" data-done=\"no\">[^<]*: <strong>to do")
                .contains("Archive stored (kept until 2026-12-09 09:00 UTC)")
                .contains("Reserved for 30 days after the store's data is deleted.")
                .contains("/prod/stores/zxq-store/closing");
        assertThat(pages.get("store-offboarded"))
                .doesNotContain("/operator/stores/zxq-store/close\"")
                .contains("Download link e-mailed to the owner; the archive is kept until 2026-12-09 09:00 UTC.")
                .contains("Reserved until 2027-01-01 10:00 UTC, then free for a new store.")
                .contains("1234");
        assertThat(pages.get("store-reopened-wrong-slug"))
                .contains("The address you typed is not this store's: nothing was done.")
                .contains("The export failed: nothing was deleted")
                .contains("/prod/operator/stores/zxq-store/close");
        assertThat(everyPage(Language.UR).get("store-offboarding"))
                .as("times in a right-to-left sentence stay in order")
                .contains("\u20662026-12-02 09:00 UTC\u2069");
    }

    @Test
    void aRolledBackCampaign_showsItsReason_inThePagesLanguage_withItsNumbersFormattedThere() {
        assertThat(everyPage(Language.EN).get("upgrade-rolled-back"))
                .contains("Error rate 50 % (15 of 30 requests) after the upgrade, 0 % before, in wave 1.");
        String urdu = everyPage(Language.UR).get("upgrade-rolled-back");
        assertThat(urdu)
                .contains("لہر \u20661\u2069 میں اپ گریڈ کے بعد غلطیوں کی شرح \u206650\u2069 %")
                .doesNotContain("Error rate")
                .doesNotContain("after the upgrade");
        assertThat(everyPage(Language.FR).get("upgrade-rolled-back"))
                .contains("Taux d’erreur de 50 % (15 requêtes sur 30) après la mise à jour");
        assertThat(everyPage(Language.ZH).get("upgrade-checks"))
                .contains("店铺 zxq-store 对检查请求的应答为 HTTP 500")
                .contains("仅根据检查请求判定：1 个检查已应答")
                .contains("无法恢复店铺 zxq-store");
        assertThat(everyPage(Language.ES).get("upgrade-deploy-failed"))
                .contains("No se pudo desplegar zxq-2 en la tienda zxq-store (oleada 2): Rate exceeded");
    }

    @Test
    void aRateIsFormattedInTheLanguagesOwnWay() {
        io.dukan.core.upgrade.UpgradeNote third =
                io.dukan.core.upgrade.UpgradeNote.of(io.dukan.core.upgrade.UpgradeNote.ERROR_RATE, 1, 3, 0, 0, 2);
        assertThat(UpgradePages.note(OperatorConsole.text(Language.EN), third)).startsWith("Error rate 33.3 %");
        assertThat(UpgradePages.note(OperatorConsole.text(Language.FR), third)).startsWith("Taux d’erreur de 33,3 %");
        assertThat(third.english()).startsWith("Error rate 33.3 % (1 of 3 requests)");
    }

    @Test
    void everyNoteTheSagaWrites_hasItsMessageInEveryLanguage_andTheEnglishOfTheLogs() {
        assertThat(io.dukan.core.upgrade.UpgradeNote.ENGLISH).hasSize(9);
        for (String key : io.dukan.core.upgrade.UpgradeNote.ENGLISH.keySet()) {
            String messageKey = io.dukan.core.upgrade.UpgradeNote.PREFIX + key;
            for (Language language : Language.all()) {
                assertThat(OperatorConsole.text(language).has(messageKey))
                        .as(language.code() + " " + messageKey)
                        .isTrue();
            }
            assertThat(OperatorConsole.text(Language.EN).own().get(messageKey))
                    .as("the logs' English of " + key)
                    .isEqualTo(io.dukan.core.upgrade.UpgradeNote.ENGLISH.get(key));
        }
    }

    @Test
    void aNoteStoredBeforeNotesHadKeys_isShownAsItWasWritten() {
        String legacy = "error rate 100.0% (13 of 13 requests) after the upgrade, 0.0% before, in wave 1";
        io.dukan.core.upgrade.UpgradeNote stored = io.dukan.core.upgrade.UpgradeNote.decode(legacy);
        for (Language language : Language.all()) {
            assertThat(UpgradePages.note(OperatorConsole.text(language), stored))
                    .isEqualTo(legacy);
        }
        assertThat(UpgradePages.note(OperatorConsole.text(Language.UR), io.dukan.core.upgrade.UpgradeNote.NONE))
                .isEmpty();
    }

    @Test
    void aCampaignShowsWhenItsNextStepIsDue_andThatItStalled_onceLateByMoreThanTheGrace() {
        for (Language language : Language.all()) {
            Map<String, String> pages = everyPage(language);
            Messages m = OperatorConsole.text(language);
            assertThat(pages.get("upgrade-running"))
                    .as(language.code())
                    .contains("id=\"upgrade-due\"")
                    .contains("2026-12-06 10:10 UTC")
                    .doesNotContain("upgrade-stalled");
            String stalledWord = m.own().get("upgrade.stalled");
            assertThat(pages.get("upgrade-stalled"))
                    .as(language.code())
                    .contains("id=\"upgrade-stalled\"")
                    .contains(stalledWord.substring(stalledWord.indexOf("}") + 1, stalledWord.indexOf("}") + 8))
                    .contains("2026-12-06 10:10 UTC");
            assertThat(pages.get("upgrade-rolled-back"))
                    .doesNotContain("upgrade-due")
                    .doesNotContain("upgrade-stalled");
        }
    }

    @Test
    void theEnglishCheck_wouldCatchAnEnglishPage() {
        assertThat(everyPage(Language.EN).get("stores")).contains("Shop code version");
    }
}
