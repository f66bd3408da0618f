package io.dukan.core.shipping;

import io.dukan.core.shared.Ids;
import io.dukan.core.shared.Money;
import java.util.List;
import java.util.TreeSet;

/**
 * A store's shipping zones. {@code configured} is false for the default a new store starts with (its own country,
 * free delivery), so the admin can say "set your shipping".
 */
public record ShippingSettings(List<ShippingZone> zones, boolean configured) {

    public static final int MAX_ZONES = 20;

    public ShippingSettings {
        zones = List.copyOf(zones);
    }

    /** Delivery within the store's own country at no charge, until the owner sets rates. */
    public static ShippingSettings defaultFor(String country, String currency) {
        ShippingRate free = new ShippingRate(
                "standard", "Standard delivery", ShippingRate.Kind.FLAT, new Money(0, currency), List.of(), null);
        return new ShippingSettings(
                List.of(new ShippingZone(
                        "home", Countries.name(country), List.of(new ShippingZone.Area(country, "")), List.of(free))),
                false);
    }

    /** Every country some zone delivers to (wholly or in part), sorted by code. */
    public List<String> countries() {
        TreeSet<String> out = new TreeSet<>();
        zones.forEach(z -> z.areas().forEach(a -> out.add(a.country())));
        return List.copyOf(out);
    }

    public static String newZoneId() {
        return Ids.newId();
    }
}
