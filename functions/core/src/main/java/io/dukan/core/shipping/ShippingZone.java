package io.dukan.core.shipping;

import java.util.List;
import java.util.Locale;

/**
 * Where the owner delivers and at what rates: a named set of countries (ISO 3166-1 alpha-2), each either whole or
 * one region of it ("US" or "US:California").
 */
public record ShippingZone(String id, String name, List<Area> areas, List<ShippingRate> rates) {

    public static final int MAX_AREAS = 250;
    public static final int MAX_RATES = 5;

    public ShippingZone {
        areas = List.copyOf(areas);
        rates = List.copyOf(rates);
    }

    /** A country, or a region of it when {@code region} is not "". */
    public record Area(String country, String region) {

        @Override
        public String toString() {
            return region.isEmpty() ? country : country + ":" + region;
        }
    }

    /** 2 when a region of the zone is the address's region, 1 when the zone has the whole country, else 0. */
    int match(String country, String region) {
        int best = 0;
        for (Area a : areas) {
            if (a.country().equals(country)) {
                if (a.region().isEmpty()) {
                    best = Math.max(best, 1);
                } else if (a.region()
                        .toLowerCase(Locale.ROOT)
                        .equals(region.strip().toLowerCase(Locale.ROOT))) {
                    best = 2;
                }
            }
        }
        return best;
    }

    /** "PK, AE, US:California", as the owner types it. */
    public String areasText() {
        return String.join(", ", areas.stream().map(Area::toString).toList());
    }
}
