package io.dukan.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreSlugTakenException;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.core.tenant.TenantId;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.micronaut.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The platform's message table (i18n/platform_{lang}.properties) is complete and consistent in every language, and
 * every page of the provisioning function, rendered in every language, speaks only that language.
 */
class PlatformMessagesTest {

    /** What a visitor typed (a store name, an address): none of it is a word from the tables. */
    private static final String TYPED = "Zxq";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[0-9]+}");

    static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyLanguage_hasEveryEnglishKey_withTheSamePlaceholders_andItsOwnWords() {
        Messages english = PlatformText.of(Language.EN);
        assertThat(english.keys()).contains("mail.subject", "mail.text", "badLink.title", "limited.platform");
        for (Language language : Language.all()) {
            Messages m = PlatformText.of(language);
            assertThat(m.keys()).as(language.code()).containsExactlyInAnyOrderElementsOf(english.keys());
            for (String key : english.keys()) {
                assertThat(placeholders(m.own().get(key)))
                        .as(language.code() + " " + key)
                        .isEqualTo(placeholders(english.own().get(key)));
                if (language != Language.EN && !key.equals("page.brand")) {
                    assertThat(m.own().get(key))
                            .as(language.code() + " " + key + " is translated")
                            .isNotEqualTo(english.own().get(key));
                }
            }
        }
    }

    @Test
    void thePageLanguage_followsAcceptLanguage_byQuality_amongTheLanguagesThereAre() {
        assertThat(PlatformText.fromAcceptLanguage("de-DE,ur;q=0.8,en;q=0.9")).contains(Language.EN);
        assertThat(PlatformText.fromAcceptLanguage("ar-EG, fr;q=0.5")).contains(Language.AR);
        assertThat(PlatformText.fromAcceptLanguage("de, ru;q=0.5")).isEmpty();
        assertThat(PlatformText.fromAcceptLanguage("zh-CN;q=0, es;q=0.1")).contains(Language.ES);
    }

    @Test
    void everyPage_inEveryLanguage_hasItsLanguageAndDirection_aDescriptionAndAFavicon() {
        for (Language language : Language.all()) {
            Map<String, String> pages = everyPage(language);
            assertThat(pages).hasSizeGreaterThan(25);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String html = page.getValue();
                String where = language.code() + " " + page.getKey();
                assertThat(html)
                        .as(where)
                        .contains("<html lang=\"" + language.code() + "\" dir=\""
                                + (language.rightToLeft() ? "rtl" : "ltr") + "\">");
                assertThat(html)
                        .as(where)
                        .containsPattern("<meta name=\"description\" content=\"[^\"]+\">")
                        .contains("<link rel=\"icon\"")
                        .contains("<title>");
                assertThat(html).as(where).doesNotContain("null");
            }
        }
    }

    @Test
    void noPage_inAnotherLanguage_showsAStringFromTheEnglishTable() {
        List<String> english = englishFragments();
        assertThat(english)
                .contains("Open your store", "Store name", "There is nothing at this address", "Almost there");
        for (Language language : Language.all()) {
            if (language == Language.EN) {
                continue;
            }
            // a fragment the language's own table uses too (French "minutes") is that language's word as well
            String own = String.join("\n", PlatformText.of(language).own().values());
            List<String> shown = new ArrayList<>();
            for (Map.Entry<String, String> page : everyPage(language).entrySet()) {
                String readable = readable(page.getValue());
                for (String fragment : english) {
                    if (readable.contains(fragment) && !own.contains(fragment)) {
                        shown.add(page.getKey() + ": " + fragment);
                    }
                }
            }
            assertThat(shown).as(language.code() + " pages showing English").isEmpty();
        }
    }

    @Test
    void theEnglishCheck_wouldCatchAnEnglishPage() {
        String englishSignup = everyPage(Language.EN).get("signup");
        assertThat(englishFragments()).anyMatch(f -> readable(englishSignup).contains(f));
    }

    @Test
    void signup_offersExactlyTheLanguagesThereAre_andKeepsWhatWasTyped_butNeverThePassword() {
        String html = PlatformPages.signup(
                        HttpStatus.BAD_REQUEST,
                        PlatformText.of(Language.UR),
                        "/prod",
                        "key-12345678",
                        "refused",
                        Map.of(
                                "storeName",
                                "A & B",
                                "slug",
                                "a-b",
                                "ownerEmail",
                                "a@b.example",
                                "currency",
                                "PKR",
                                "country",
                                "PK",
                                "language",
                                "ar",
                                "password",
                                "secret-secret"),
                        "csrf-token")
                .body();
        assertThat(Pattern.compile("<option value=\"([a-z]{2})\"[^>]*lang=")
                        .matcher(html)
                        .results()
                        .map(r -> r.group(1))
                        .toList())
                .containsExactlyElementsOf(
                        Language.all().stream().map(Language::code).toList());
        assertThat(html)
                .contains(
                        "value=\"A &amp; B\"",
                        "value=\"a-b\"",
                        "value=\"a@b.example\"",
                        "value=\"PKR\"",
                        "value=\"PK\"",
                        "<option value=\"ar\" selected",
                        "name=\"idempotencyKey\" value=\"key-12345678\"",
                        "value=\"csrf-token\"",
                        "action=\"/prod/signup?lang=ur\"",
                        "role=\"alert\">refused<")
                .doesNotContain("secret-secret");
    }

    /** Every page the provisioning function shows, in {@code language}, by a name for the failure message. */
    static Map<String, String> everyPage(Language language) {
        Messages m = PlatformText.of(language);
        String root = "/prod";
        Map<String, String> out = new LinkedHashMap<>();
        out.put("front", PlatformPages.front(m, root).body());
        out.put(
                "signup",
                PlatformPages.signup(HttpStatus.OK, m, root, "key-12345678", null, Map.of(), "csrf")
                        .body());
        List<RuntimeException> refusals = new ArrayList<>();
        for (String field : List.of(
                "storeName",
                "slug",
                "ownerEmail",
                "password",
                "currency",
                "country",
                "language",
                "idempotencyKey",
                "somethingElse")) {
            refusals.add(new InvalidInputException(field, "Zxq"));
        }
        refusals.add(new StoreSlugTakenException(new Slug("zxq-zxq")));
        refusals.add(new io.dukan.core.order.IdempotencyKeyReusedException());
        for (RuntimeException refused : refusals) {
            String error = SignupController.refusal(m, refused);
            out.put(
                    "signup refused: " + refused.getClass().getSimpleName() + " "
                            + (refused instanceof InvalidInputException i ? i.field() : ""),
                    PlatformPages.signup(
                                    HttpStatus.BAD_REQUEST,
                                    m,
                                    root,
                                    "key-12345678",
                                    error,
                                    Map.of(
                                            "storeName",
                                            TYPED,
                                            "slug",
                                            "zxq",
                                            "ownerEmail",
                                            "zxq@zxq.example",
                                            "currency",
                                            "PKR",
                                            "country",
                                            "PK",
                                            "language",
                                            language.code()),
                                    "csrf")
                            .body());
        }
        out.put(
                "mail sent",
                notice(
                        m,
                        "sent.title",
                        List.of(
                                m.t("sent.text", "zxq@zxq.example", 24, TYPED),
                                m.t("sent.nothingYet"),
                                m.t("sent.noMail")),
                        false));
        out.put("awaiting approval", notice(m, "awaiting.title", List.of(m.t("awaiting.text", TYPED)), false));
        out.put("bad link", notice(m, "badLink.title", List.of(m.t("badLink.text")), true));
        for (String limit : List.of("limited.address", "limited.email", "limited.platform")) {
            out.put(limit, notice(m, "limited.title", List.of(m.t(limit, 5)), true));
        }
        out.put("taken", notice(m, "taken.title", List.of(m.t("taken.text", "zxq")), true));
        out.put(
                "confirm",
                PlatformPages.confirm(m, root, TYPED, "/prod/s/zxq/", "/prod/signup", "token", "csrf")
                        .body());
        for (StoreStatus status : StoreStatus.values()) {
            Store store = new Store(
                    TenantId.newId(),
                    new Slug("zxq"),
                    TYPED,
                    "zxq@zxq.example",
                    "PKR",
                    "PK",
                    language.code(),
                    status,
                    status == StoreStatus.FAILED ? TYPED : null,
                    Set.of(),
                    Instant.now());
            out.put(
                    "status " + status,
                    PlatformPages.status(
                            m,
                            root,
                            store,
                            "/prod/s/zxq/",
                            status == StoreStatus.ACTIVE ? "https://zxq.example/" : null));
        }
        for (int code : new int[] {400, 401, 403, 404, 405, 406, 409, 413, 415, 429, 500, 502, 503}) {
            HttpStatus status = HttpStatus.valueOf(code);
            out.put(
                    "error " + code,
                    PlatformErrorPages.page(
                                    m, root, status, status.getReason(), "There is nothing at this address.", false)
                            .body());
        }
        out.put(
                "unknown store",
                PlatformErrorPages.page(
                                m,
                                root,
                                HttpStatus.NOT_FOUND,
                                "Not found",
                                PlatformText.of(Language.EN).t("store.missing"),
                                true)
                        .body());
        out.put(
                "store being set up",
                PlatformPages.error(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                m,
                                root,
                                m.t("store.settingUp.title"),
                                m.t("store.settingUp.text"))
                        .body());
        out.put(
                "store closed",
                PlatformPages.error(HttpStatus.GONE, m, root, m.t("closed.title", TYPED), m.t("closed.text"))
                        .body());
        Store closing = new Store(
                TenantId.newId(),
                new Slug("zxq"),
                TYPED,
                "zxq@zxq.example",
                "PKR",
                "PK",
                language.code(),
                StoreStatus.CLOSING,
                null,
                Set.of(),
                Instant.now());
        for (io.dukan.core.offboard.OffboardingState state : io.dukan.core.offboard.OffboardingState.values()) {
            io.dukan.core.offboard.Offboarding o = new io.dukan.core.offboard.Offboarding(
                    closing.id(),
                    closing.slug(),
                    "operator",
                    Instant.now(),
                    state,
                    Set.of(io.dukan.core.offboard.OffboardingStep.CLOSE, io.dukan.core.offboard.OffboardingStep.EXPORT),
                    "",
                    0,
                    null,
                    null,
                    Instant.now(),
                    null);
            Map<String, Object> params = new java.util.HashMap<>();
            params.put("m", m);
            params.put("root", root);
            params.put("store", closing);
            params.put("o", o);
            params.put("releaseDate", "2027");
            out.put("closing " + state, PlatformPages.render("closing.jte", params));
        }
        return out;
    }

    private static String notice(Messages m, String titleKey, List<String> paragraphs, boolean error) {
        return PlatformPages.notice(
                        HttpStatus.OK,
                        m,
                        "/prod",
                        m.t(titleKey),
                        paragraphs,
                        error,
                        error ? "/prod/signup" : null,
                        error ? m.t("page.signupAgain") : null)
                .body();
    }

    /** The literal parts (between placeholders) of every English message, four letters or more (not the brand). */
    static List<String> englishFragments() {
        Set<String> fragments = new LinkedHashSet<>();
        Messages english = PlatformText.of(Language.EN);
        for (Map.Entry<String, String> entry : english.own().entrySet()) {
            if (entry.getKey().equals("page.brand")) {
                continue;
            }
            for (String part : PLACEHOLDER.split(entry.getValue())) {
                String f = part.strip().replaceAll("^[\\p{Punct}“”‘’«»·—–\\s]+|[\\p{Punct}“”‘’«»·—–\\s]+$", "");
                if (f.codePoints().filter(Character::isLetter).count() >= 4) {
                    fragments.add(f);
                }
            }
        }
        return List.copyOf(fragments);
    }

    /** The page as a reader meets it: markup kept (attributes are read too), entities decoded. */
    static String readable(String html) {
        return html.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
