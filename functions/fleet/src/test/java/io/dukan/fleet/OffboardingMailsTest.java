package io.dukan.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.notify.EmailMessage;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.RecordingEmailSender;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The owner's offboarding mail in every language: every key, the same placeholders, its own words, the links. */
class OffboardingMailsTest {

    static final URI LINK = URI.create("https://bucket.example/exports/x/zxq-export.zip?X-Amz-Expires=86400&s=1");

    static Store store(Language language) {
        return new Store(
                new TenantId("aaaaaaaaaaaaaaaa"),
                new Slug("zxq-shop"),
                "Zxq Shop",
                "owner@zxq.example",
                "PKR",
                "PK",
                language.code(),
                StoreStatus.CLOSING,
                null,
                Set.of(),
                Instant.now());
    }

    static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+\\}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguage_hasEveryKey_withItsPlaceholders_inItsOwnWords(Language language) {
        Messages english = Messages.of(Language.EN, OffboardingMails.BUNDLES);
        Messages own = Messages.of(language, OffboardingMails.BUNDLES);
        assertThat(own.keys()).containsExactlyInAnyOrderElementsOf(english.keys());
        for (String key : english.keys()) {
            assertThat(placeholders(own.own().get(key)))
                    .as(language.code() + " " + key)
                    .isEqualTo(placeholders(english.own().get(key)));
            if (language != Language.EN) {
                assertThat(own.own().get(key))
                        .as(language.code() + " " + key)
                        .isNotEqualTo(english.own().get(key));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void bothMails_goToTheOwner_asThePlatform_inTheStoresLanguage_withTheirLinks(Language language) {
        RecordingEmailSender sender = new RecordingEmailSender();
        OffboardingMails mails = new OffboardingMails(sender, "https://platform.example/prod/");

        mails.exportReady(store(language), LINK, Duration.ofHours(24));
        mails.exportFailed(store(language));

        assertThat(sender.sent())
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.tenant().value()).isEqualTo("platform"));
        EmailMessage ready = sender.sent().get(0).message();
        EmailMessage failed = sender.sent().get(1).message();
        assertThat(ready.to()).isEqualTo("owner@zxq.example");
        assertThat(ready.subject()).contains("Zxq Shop");
        assertThat(ready.text())
                .contains(LINK.toString())
                .contains("24")
                .contains("https://platform.example/prod/stores/zxq-shop/closing");
        assertThat(failed.text()).contains("https://platform.example/prod/stores/zxq-shop/closing");
        if (language != Language.EN) {
            for (String english : List.of(
                    "Hello", "Download it", "Nothing was deleted", "Keep the file", "Your export", "is open again")) {
                assertThat(ready.text() + failed.text() + ready.subject() + failed.subject())
                        .as(language.code())
                        .doesNotContain(english);
            }
        }
    }
}
