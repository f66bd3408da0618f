package io.dukan.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.shared.Money;
import io.dukan.core.shipping.Countries;
import io.dukan.core.shipping.ShippingRate;
import io.dukan.core.shipping.ShippingSettings;
import io.dukan.core.shipping.ShippingZone;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradeFactsTest {

    private static final List<Locale> PAGES = List.of(
            new Locale("en", "PK"),
            new Locale("ur", "PK"),
            new Locale("ar", "AE"),
            new Locale("zh", "CN"),
            new Locale("zh", "TW"),
            new Locale("fr", "FR"),
            new Locale("es", "ES"),
            Locale.ENGLISH);

    @Test
    void aStoreDeliveringAtHomeOnlyListsEveryCountryByNameInThePagesLanguageAsASortPerRequestWould() {
        for (Locale page : PAGES) {
            for (String chosen : List.of("PK", "CN", "AE", "FR", "US", "ZA")) {
                ShippingSettings home = ShippingSettings.defaultFor("PK", "PKR");
                List<TradeFacts.Country> shown = TradeFacts.countries(home, chosen, "PK", page);
                assertThat(shown)
                        .as("%s, deliver to %s", page, chosen)
                        .isEqualTo(sortedPerRequest(home, chosen, "PK", page));
                assertThat(shown).hasSize(Countries.codes().size());
            }
        }
    }

    @Test
    void aStoreWithZonesListsItsZonesCountriesItsOwnAndTheChosenOneInThePagesOrder() {
        ShippingRate rate =
                new ShippingRate("r", "Courier", ShippingRate.Kind.FLAT, new Money(50_000, "PKR"), List.of(), null);
        ShippingSettings zones = new ShippingSettings(
                List.of(
                        new ShippingZone(
                                "gulf",
                                "Gulf",
                                List.of(
                                        new ShippingZone.Area("AE", ""),
                                        new ShippingZone.Area("SA", ""),
                                        new ShippingZone.Area("US", "California"),
                                        new ShippingZone.Area("OM", "")),
                                List.of(rate)),
                        new ShippingZone(
                                "asia",
                                "Asia",
                                List.of(new ShippingZone.Area("CN", ""), new ShippingZone.Area("DE", "")),
                                List.of(rate))),
                true);
        for (Locale page : PAGES) {
            for (String chosen : List.of("PK", "CN", "FR", "ZA")) {
                List<TradeFacts.Country> shown = TradeFacts.countries(zones, chosen, "PK", page);
                assertThat(shown)
                        .as("%s, deliver to %s", page, chosen)
                        .isEqualTo(sortedPerRequest(zones, chosen, "PK", page));
                assertThat(shown)
                        .extracting(TradeFacts.Country::code)
                        .contains("PK", chosen, "AE", "SA", "US", "OM", "CN", "DE");
            }
        }
        assertThat(TradeFacts.countries(zones, "FR", "PK", Locale.FRENCH))
                .extracting(TradeFacts.Country::name)
                .containsExactly(
                        "Allemagne",
                        "Arabie saoudite",
                        "Chine",
                        "Émirats arabes unis",
                        "États-Unis",
                        "France",
                        "Oman",
                        "Pakistan");
    }

    @Test
    void aCountryIsNamedInThePagesLanguage() {
        assertThat(TradeFacts.countryName("CN", Locale.CHINESE)).isEqualTo("中国");
        assertThat(TradeFacts.countryName("DE", Locale.FRENCH)).isEqualTo("Allemagne");
        assertThat(TradeFacts.countryName("PK", new Locale("ur", "PK"))).isEqualTo("پاکستان");
    }

    @Test
    void theSelectsOptionsAreEscapedAndTheDestinationIsSelected() {
        TradeFacts.View view = new TradeFacts.View(
                "",
                "",
                "",
                "CI",
                "Côte d’Ivoire",
                false,
                "",
                null,
                true,
                List.of(
                        new TradeFacts.Country("BA", "Bosnia & Herzegovina"),
                        new TradeFacts.Country("CI", "Côte d’Ivoire"),
                        new TradeFacts.Country("XX", "<b>\"x\"</b>")),
                "/s/zxq/products/p#details");
        assertThat(view.options())
                .isEqualTo("<option value=\"BA\">Bosnia &amp; Herzegovina</option>"
                        + "<option value=\"CI\" selected>Côte d’Ivoire</option>"
                        + "<option value=\"XX\">&lt;b&gt;\"x\"&lt;/b&gt;</option>");
    }

    /** What TradeFacts did on every request until 2026-12-06: name each country, sort by the locale's collator. */
    private static List<TradeFacts.Country> sortedPerRequest(
            ShippingSettings settings, String chosen, String own, Locale in) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(own);
        codes.add(chosen);
        for (ShippingZone z : settings.zones()) {
            z.areas().forEach(a -> codes.add(a.country()));
        }
        if (codes.size() < 3) {
            codes.addAll(Countries.codes());
        }
        Collator collator = Collator.getInstance(in);
        List<TradeFacts.Country> out = new ArrayList<>();
        codes.stream().filter(Countries::isCode).forEach(c -> {
            String name = new Locale("", c).getDisplayCountry(in);
            out.add(new TradeFacts.Country(c, name.isEmpty() || name.equals(c) ? Countries.name(c) : name));
        });
        out.sort(Comparator.comparing(TradeFacts.Country::name, collator));
        return out;
    }
}
