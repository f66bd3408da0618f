package io.dukan.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final List<String> BUNDLES = List.of("sample");

    @Test
    void t_fillsPositionalArguments_asPlainText() {
        Messages en = Messages.of(Language.EN, BUNDLES);
        assertThat(en.t("greeting", "<b>Ali</b>")).isEqualTo("Hello <b>Ali</b>");
    }

    @Test
    void plural_picksTheCldrFormOfTheLanguage() {
        Messages ar = Messages.of(Language.AR, BUNDLES);
        assertThat(ar.plural("cart.items", 0)).isEqualTo("لا عناصر");
        assertThat(ar.plural("cart.items", 2)).isEqualTo("عنصران");
        assertThat(ar.plural("cart.items", 5)).isEqualTo("5 عناصر");
        assertThat(ar.plural("cart.items", 12)).isEqualTo("12 عنصرًا");
        assertThat(ar.plural("cart.items", 100)).isEqualTo("100 عنصر");
        Messages en = Messages.of(Language.EN, BUNDLES);
        assertThat(en.plural("cart.items", 1)).isEqualTo("1 item");
        assertThat(en.plural("cart.items", 3)).isEqualTo("3 items");
    }

    @Test
    void missingKey_fallsBackToEnglish_andAnUnknownKeyFails() {
        Messages ar = Messages.of(Language.AR, BUNDLES);
        assertThat(ar.has("only.english")).isFalse();
        assertThat(ar.t("only.english")).isEqualTo("Only in English");
        assertThatThrownBy(() -> ar.t("no.such.key")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void language_ofUnknownCode_isEnglish_andRtlIsUrduAndArabic() {
        assertThat(Language.orEnglish("hi")).isEqualTo(Language.EN);
        assertThat(Language.orEnglish("ur-PK")).isEqualTo(Language.UR);
        assertThat(Language.UR.dir()).isEqualTo("rtl");
        assertThat(Language.AR.dir()).isEqualTo("rtl");
        assertThat(Language.ZH.dir()).isEqualTo("ltr");
    }

    @Test
    void money_andDates_followTheStoresLocaleAndZone() {
        StoreLocale urdu = StoreLocale.of("ur", "PK", BUNDLES);
        assertThat(urdu.money(new Money(170000, "PKR"))).isEqualTo("Rs\u00a01,700.00");
        StoreLocale chinese = StoreLocale.of("zh", "CN", BUNDLES);
        assertThat(chinese.money(new Money(3800, "CNY"))).isEqualTo("¥38.00");
        StoreLocale english = StoreLocale.of("en", "US", BUNDLES);
        assertThat(english.money(new Money(500, "JPY"))).contains("500").doesNotContain(".");
        // 23:30 UTC is already the next day in Karachi (UTC+5)
        Instant lateEvening = Instant.parse("2026-12-06T23:30:00Z");
        assertThat(StoreLocale.of("en", "PK", BUNDLES).dateTime(lateEvening))
                .contains("07")
                .contains("4:30");
        assertThat(chinese.zone().getId()).isEqualTo("Asia/Shanghai");
    }
}
