package io.dukan.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The platform's message table (i18n/platform_{lang}.properties) is complete and consistent in every language. */
class PlatformMessagesTest {

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
                assertThat(placeholders(m.own().get(key))).as(language.code() + " " + key)
                        .isEqualTo(placeholders(english.own().get(key)));
                if (language != Language.EN && !key.equals("page.brand")) {
                    assertThat(m.own().get(key)).as(language.code() + " " + key + " is translated")
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
}
