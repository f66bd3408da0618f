package io.dukan.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SignupChoicesTest {

    @Test
    void aCountrysCurrency_isTheOneTheStoreSellsIn_whenThePlatformOffersIt() {
        assertThat(PlatformPages.currencyOf("PK")).isEqualTo("PKR");
        assertThat(PlatformPages.currencyOf("AE")).isEqualTo("AED");
        assertThat(PlatformPages.currencyOf("FR")).isEqualTo("EUR");
        assertThat(PlatformPages.currencyOf("AQ")).as("Antarctica: no currency").isEmpty();
        assertThat(PlatformPages.currencyOf("CH")).as("francs are not offered").isEmpty();
        assertThat(PlatformPages.currencyOf("pk")).isEmpty();
        assertThat(PlatformPages.currencyOf(null)).isEmpty();
    }

    @Test
    void countries_areNamedAndSortedInThePagesLanguage() {
        var chinese = PlatformPages.countries(Locale.CHINESE);
        assertThat(chinese).anySatisfy(c -> {
            assertThat(c.code()).isEqualTo("PK");
            assertThat(c.name()).isEqualTo("巴基斯坦");
        });
        var french = PlatformPages.countries(Locale.FRENCH);
        assertThat(french.stream().map(SignupChoice::name).toList())
                .containsSubsequence("Afghanistan", "Allemagne", "Pakistan");
        assertThat(PlatformPages.currencies(Locale.FRENCH))
                .anySatisfy(c -> assertThat(c.name()).isEqualTo("roupie pakistanaise (PKR)"));
    }
}
