package io.dukan.shop.storefront;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import io.dukan.core.catalog.Product;
import io.dukan.core.shared.DomainException;
import io.dukan.core.shared.Money;
import io.dukan.core.shipping.Countries;
import io.dukan.core.shipping.ShippingOption;
import io.dukan.core.shipping.ShippingService;
import io.dukan.core.shipping.ShippingSettings;
import io.dukan.core.shipping.ShippingZone;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.Cached;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Requests;
import io.dukan.web.i18n.StoreLocale;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a buyer abroad asks before the cart: where the product comes from, what it weighs, its HS code, whether the
 * store delivers to their country and at what price, and whether duties may be due. The owner's shipping zones are
 * kept per instance for {@link ThisStore#TTL} (like the store's settings), so the product page still reads only its
 * product; a zone saved or deleted on this instance is quoted at once ({@link #zonesSaved}).
 */
@Singleton
public class TradeFacts {

    /** The country the shopper chose to see delivery to (ISO 3166-1 alpha-2). */
    public static final String COOKIE = "dukan_deliver_to";

    private final ThisStore store;
    private final ShippingService shipping;
    private final Cached<ShippingSettings> zones;

    TradeFacts(ThisStore store, ShippingService shipping, Clock clock) {
        this.store = store;
        this.shipping = shipping;
        this.zones = new Cached<>(clock, ThisStore.TTL, () -> shipping.settings(store.settings()));
    }

    /** The owner saved or deleted a zone on this instance: the product pages quote these zones from now on. */
    public void zonesSaved(ShippingSettings saved) {
        zones.replace(saved);
    }

    /** One country of the select: its code and its name in the page's language. */
    public record Country(String code, String name) {}

    /**
     * The details and the delivery quote, as the fragment storefront/tradefacts.jte shows them. {@code quote} is
     * the cheapest option's price (null when the store does not deliver there, {@code delivers} false).
     */
    public record View(
            String origin,
            String weight,
            String hsCode,
            String destination,
            String destinationName,
            boolean delivers,
            String option,
            Money quote,
            boolean duties,
            List<Country> countries,
            String action) {

        public boolean hasDetails() {
            return !origin.isEmpty() || !weight.isEmpty() || !hsCode.isEmpty();
        }

        /**
         * The select's options as HTML, the destination selected, escaped as the template's {@code ${}} escapes:
         * written here in one pass because ~250 options through the template's checked output took a sixth of a
         * warm product page's CPU.
         */
        public String options() {
            StringOutput out = new StringOutput(countries.size() * 40);
            for (Country c : countries) {
                out.writeContent("<option value=\"");
                Escape.htmlAttribute(c.code(), out);
                out.writeContent(c.code().equals(destination) ? "\" selected>" : "\">");
                Escape.htmlContent(c.name(), out);
                out.writeContent("</option>");
            }
            return out.toString();
        }
    }

    /** The country to quote: the form's choice, else the cookie, else the browser's language region, else the store's. */
    public String destination(HttpRequest<?> request, String asked) {
        String typed = asked == null ? "" : asked.strip().toUpperCase(Locale.ROOT);
        if (Countries.isCode(typed)) {
            return typed;
        }
        Optional<String> remembered = Requests.cookie(request, COOKIE).filter(Countries::isCode);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        String region = io.dukan.shop.web.PageLanguage.region(request);
        return Countries.isCode(region) ? region : store.settings().country();
    }

    /** The cookie remembering the choice (a year, this store's path only). */
    public Cookie remember(HttpRequest<?> request, String country) {
        String base = Requests.storeBase(request, store.slug().value());
        return Cookie.of(COOKIE, country)
                .httpOnly(true)
                .secure(Requests.secure(request))
                .sameSite(SameSite.Lax)
                .path(base.isEmpty() ? "/" : base + "/")
                .maxAge(Duration.ofDays(365));
    }

    public View view(StoreLocale t, Product p, String destination, String action) {
        StoreSettings s = store.settings();
        Locale in = t.locale();
        ShippingSettings settings = zones.get();
        int grams = p.maxWeightGrams();
        boolean delivers;
        String option = "";
        Money quote = null;
        try {
            List<ShippingOption> options = shipping.options(settings, destination, "", grams, p.price());
            ShippingOption cheapest = options.get(0);
            delivers = true;
            // the platform's default zone names its rate in English: only an owner's own rate names are shown
            option = settings.configured() ? cheapest.label() : "";
            quote = cheapest.price();
        } catch (DomainException e) {
            delivers = false;
        }
        return new View(
                p.originCountry().isEmpty() ? "" : countryName(p.originCountry(), in),
                grams <= 0 ? "" : weight(t, grams),
                p.hsCode(),
                destination,
                countryName(destination, in),
                delivers,
                option,
                quote,
                !destination.equals(s.country()),
                countries(settings, destination, s.country(), in),
                action);
    }

    /** "中国" for CN on a Chinese page: the JDK's name in the page's language (English when it has none). */
    public static String countryName(String code, Locale in) {
        Country known = Names.in(in).byCode.get(code);
        return known != null ? known.name() : nameOf(code, in);
    }

    private static String nameOf(String code, Locale in) {
        String name = new Locale("", code).getDisplayCountry(in);
        return name.isEmpty() || name.equals(code) ? Countries.name(code) : name;
    }

    /**
     * Every country's name in one locale and its place in that locale's alphabetical order, worked out once per
     * JVM and locale (a store's pages use one or a few): naming ~250 countries and sorting them with a
     * {@link Collator} took most of a warm product page's CPU when done per request.
     */
    private static final class Names {

        /** Locales held at most (a store's languages × its country; many stores share a local cloud's JVM). */
        private static final int KEPT = 64;

        private static final Map<Locale, Names> BY_LOCALE = new ConcurrentHashMap<>();

        final Map<String, Country> byCode;
        final Map<String, Integer> rank;
        /** Every country, by name in the locale's order. */
        final List<Country> all;

        private Names(Locale in) {
            Collator collator = Collator.getInstance(in);
            List<Country> sorted = new ArrayList<>();
            Countries.codes().forEach(c -> sorted.add(new Country(c, nameOf(c, in))));
            sorted.sort(Comparator.comparing(Country::name, collator));
            Map<String, Country> codes = new HashMap<>();
            Map<String, Integer> places = new HashMap<>();
            for (int i = 0; i < sorted.size(); i++) {
                codes.put(sorted.get(i).code(), sorted.get(i));
                places.put(sorted.get(i).code(), i);
            }
            this.byCode = Map.copyOf(codes);
            this.rank = Map.copyOf(places);
            this.all = List.copyOf(sorted);
        }

        static Names in(Locale in) {
            Names names = BY_LOCALE.get(in);
            if (names == null) {
                names = new Names(in);
                if (BY_LOCALE.size() < KEPT) {
                    BY_LOCALE.putIfAbsent(in, names);
                }
            }
            return names;
        }
    }

    private static String weight(StoreLocale t, int grams) {
        return grams >= 1000
                ? t.t(
                        "borders.kg",
                        new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(t.locale()))
                                .format(grams / 1000.0))
                : t.t("borders.g", t.number(grams));
    }

    /** The countries the owner's zones name, the store's own and the chosen one, by name in the page's language. */
    static List<Country> countries(ShippingSettings settings, String chosen, String own, Locale in) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(own);
        codes.add(chosen);
        for (ShippingZone z : settings.zones()) {
            z.areas().forEach(a -> codes.add(a.country()));
        }
        Names names = Names.in(in);
        if (codes.size() < 3) {
            // a store delivering at home only still lets a shopper abroad learn that it does not deliver to them
            return names.all;
        }
        List<Country> out = new ArrayList<>();
        codes.stream().filter(Countries::isCode).forEach(c -> out.add(names.byCode.get(c)));
        out.sort(Comparator.comparingInt(c -> names.rank.get(c.code())));
        return out;
    }
}
