package io.dukan.core.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShippingServiceTest {

    final Map<TenantId, ShippingSettings> stored = new HashMap<>();
    final ShippingService service = new ShippingService(new ShippingRepository() {
        @Override
        public Optional<ShippingSettings> find(TenantId tenant) {
            return Optional.ofNullable(stored.get(tenant));
        }

        @Override
        public void save(TenantId tenant, ShippingSettings settings) {
            stored.put(tenant, settings);
        }
    });
    final StoreSettings store =
            new StoreSettings(TenantId.newId(), new Slug("kashgar-fruit"), "Shop", "PKR", "PK", "en");

    static Money pkr(long major) {
        return new Money(major * 100, "PKR");
    }

    static ShippingZoneCommand.RateRow flat(String name, String price, String freeAbove) {
        return new ShippingZoneCommand.RateRow("", name, "FLAT", price, "", freeAbove);
    }

    static ShippingZoneCommand.RateRow byWeight(String name, String bands) {
        return new ShippingZoneCommand.RateRow("", name, "BY_WEIGHT", "", bands, "");
    }

    ShippingSettings zones() {
        service.saveZone(
                store,
                ShippingZoneCommand.of(
                        "",
                        "Pakistan",
                        "PK",
                        List.of(flat("Courier", "250", "5000"), byWeight("Cargo", "1=150, 5=400, 0.5=100")),
                        "PKR"));
        service.saveZone(
                store, ShippingZoneCommand.of("", "Sindh", "PK:Sindh", List.of(flat("Local rider", "0", "")), "PKR"));
        return service.saveZone(
                store, ShippingZoneCommand.of("", "Gulf", "AE, sa , QA", List.of(flat("Air", "2,000", "")), "PKR"));
    }

    @Test
    void aNewStore_deliversFreeInItsOwnCountry_untilTheOwnerSavesZones() {
        ShippingSettings defaults = service.settings(store);

        assertThat(defaults.configured()).isFalse();
        assertThat(defaults.countries()).containsExactly("PK");
        assertThat(service.options(defaults, "PK", "", 1000, pkr(100)))
                .containsExactly(new ShippingOption("standard", "Standard delivery", pkr(0)));
        assertThat(zones().zones()).extracting(ShippingZone::name).containsExactly("Pakistan", "Sindh", "Gulf");
    }

    @Test
    void weightBands_pickTheFirstBandTheParcelFits_inclusive_andAreSortedLightestFirst() {
        ShippingSettings s = zones();

        assertThat(price(s, "Cargo", 400)).isEqualTo(pkr(100));
        assertThat(price(s, "Cargo", 500)).isEqualTo(pkr(100));
        assertThat(price(s, "Cargo", 501)).isEqualTo(pkr(150));
        assertThat(price(s, "Cargo", 5000)).isEqualTo(pkr(400));
        assertThat(service.options(s, "PK", "", 5001, pkr(100)))
                .extracting(ShippingOption::label)
                .containsExactly("Courier");
    }

    @Test
    void aRateIsFree_fromItsFreeAboveAmount_andOptionsComeCheapestFirst() {
        ShippingSettings s = zones();

        assertThat(service.options(s, "PK", "", 1000, pkr(4999)))
                .extracting(ShippingOption::price)
                .containsExactly(pkr(150), pkr(250));
        assertThat(service.options(s, "PK", "", 1000, pkr(5000)))
                .extracting(ShippingOption::label, ShippingOption::price)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Courier", pkr(0)),
                        org.assertj.core.groups.Tuple.tuple("Cargo", pkr(150)));
    }

    @Test
    void aZoneNamingTheRegion_winsOverTheZoneWithTheWholeCountry() {
        ShippingSettings s = zones();

        assertThat(service.options(s, "PK", " sindh ", 1000, pkr(10)))
                .extracting(ShippingOption::label)
                .containsExactly("Local rider");
        assertThat(service.options(s, "PK", "Punjab", 1000, pkr(10)))
                .extracting(ShippingOption::label)
                .containsExactly("Cargo", "Courier");
        assertThat(service.options(s, "SA", "", 1000, pkr(10)))
                .extracting(ShippingOption::price)
                .containsExactly(pkr(2000));
    }

    @Test
    void aCountryNoZoneServes_isRefusedWithItsName_andTooHeavyForEveryRate_isRefusedToo() {
        ShippingSettings s = zones();

        assertThatThrownBy(() -> service.options(s, "US", "", 1000, pkr(10)))
                .isInstanceOf(UnservedDestinationException.class)
                .hasMessageContaining("United States");
        service.saveZone(store, ShippingZoneCommand.of("", "Far", "NZ", List.of(byWeight("Sea", "2=900")), "PKR"));
        assertThatThrownBy(() -> service.options(service.settings(store), "NZ", "", 2001, pkr(10)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("too heavy");
    }

    @Test
    void choose_takesTheOnlyOptionWhenNoneWasChosen_andRefusesAnUnknownOne() {
        List<ShippingOption> one = List.of(new ShippingOption("a", "A", pkr(1)));
        List<ShippingOption> two = List.of(new ShippingOption("a", "A", pkr(1)), new ShippingOption("b", "B", pkr(2)));

        assertThat(service.choose(one, "")).isEqualTo(one.get(0));
        assertThat(service.choose(two, "b")).isEqualTo(two.get(1));
        assertThatThrownBy(() -> service.choose(two, "")).hasMessageContaining("choose a delivery option");
        assertThatThrownBy(() -> service.choose(two, "zz")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void badZones_areRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> ShippingZoneCommand.of("", "X", "PK, XX", List.of(flat("A", "1", "")), "PKR"))
                .hasMessageContaining("'XX' is not a country code");
        assertThatThrownBy(() -> ShippingZoneCommand.of("", "X", "PK", List.of(flat("", "1", "")), "PKR"))
                .hasMessageContaining("at least one rate");
        assertThatThrownBy(() -> ShippingZoneCommand.of("", "X", "PK", List.of(byWeight("A", "heavy=1")), "PKR"))
                .hasMessageContaining("up to kg = price");
        assertThatThrownBy(() -> ShippingZoneCommand.of("", "X", "PK", List.of(byWeight("A", "1=1, 1=2")), "PKR"))
                .hasMessageContaining("same weight");
        assertThatThrownBy(() -> ShippingZoneCommand.of("", "X", "PK", List.of(flat("A", "12,50", "")), "PKR"))
                .hasMessageContaining("dot for decimals");
        assertThatThrownBy(() -> service.deleteZone(store, "home")).hasMessageContaining("keep at least one zone");
        assertThatThrownBy(() -> service.deleteZone(store, "nosuchzone")).hasMessageContaining("no such shipping zone");
    }

    private Money price(ShippingSettings s, String rate, long grams) {
        return service.options(s, "PK", "", grams, pkr(10)).stream()
                .filter(o -> o.label().equals(rate))
                .findFirst()
                .orElseThrow()
                .price();
    }
}
