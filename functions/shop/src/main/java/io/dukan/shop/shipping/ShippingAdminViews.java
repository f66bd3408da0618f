package io.dukan.shop.shipping;

import io.dukan.core.shipping.ShippingRate;
import io.dukan.core.shipping.ShippingSettings;
import io.dukan.core.shipping.ShippingZone;
import io.dukan.core.shipping.WeightBand;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminPages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The owner's shipping page: one form per zone with its rates (admin/shipping.jte, admin/zone.jte). */
public final class ShippingAdminViews {

    /** Rate rows shown per zone form (a zone holds at most ShippingZone.MAX_RATES). */
    static final int RATE_ROWS = ShippingZone.MAX_RATES;

    /** One rate row as shown (the stored rate, or what the owner typed when the save was refused). */
    public record RateRow(String id, String name, String kind, String price, String bands, String freeAbove) {}

    /** One zone's form; {@code id} "" for the form that adds a zone. */
    public record ZoneForm(String id, String name, String areas, String currency, List<RateRow> rates, boolean isNew) {}

    /** {@code saved}: "zone" or "deleted" right after the owner saved or deleted one (the page says so), else null. */
    public record Shipping(
            boolean configured, String country, List<ZoneForm> zones, ZoneForm blank, String error, String saved) {}

    private ShippingAdminViews() {}

    public static String shipping(
            StoreSettings s,
            String base,
            ShippingSettings settings,
            String error,
            String failedZone,
            Map<String, String> typed,
            String csrf) {
        return shipping(s, base, settings, error, failedZone, typed, csrf, null);
    }

    public static String shipping(
            StoreSettings s,
            String base,
            ShippingSettings settings,
            String error,
            String failedZone,
            Map<String, String> typed,
            String csrf,
            String saved) {
        List<ZoneForm> zones = new ArrayList<>();
        for (ShippingZone zone : settings.zones()) {
            boolean failed = zone.id().equals(failedZone);
            zones.add(zoneForm(s, settings.configured() ? zone.id() : "", zone, failed ? typed : null));
        }
        ZoneForm blank = zoneForm(s, "", null, "".equals(failedZone) ? typed : null);
        return AdminPages.render(
                "admin/shipping.jte",
                AdminPages.chrome(s, base, csrf),
                new Shipping(settings.configured(), s.country(), zones, blank, error, saved));
    }

    private static ZoneForm zoneForm(StoreSettings s, String zoneId, ShippingZone zone, Map<String, String> typed) {
        List<ShippingRate> rates = zone == null ? List.of() : zone.rates();
        List<RateRow> rows = new ArrayList<>();
        // the zone's rates and one empty row to add another ("Add another rate" asks for one more)
        int shown = Math.min(
                RATE_ROWS,
                typed != null && typed.containsKey("rows") ? Integer.parseInt(typed.get("rows")) : rates.size() + 1);
        for (int i = 0; i < shown; i++) {
            ShippingRate r = i < rates.size() ? rates.get(i) : null;
            String p = "rate" + i;
            rows.add(new RateRow(
                    r == null ? "" : r.id(),
                    value(typed, p + "Name", r == null ? "" : r.name()),
                    value(typed, p + "Kind", r == null ? "FLAT" : r.kind().name()),
                    value(
                            typed,
                            p + "Price",
                            r == null || r.kind() != ShippingRate.Kind.FLAT
                                    ? ""
                                    : r.price().amount()),
                    value(typed, p + "Bands", r == null ? "" : bands(r.bands())),
                    value(
                            typed,
                            p + "FreeAbove",
                            r == null || r.freeAbove() == null
                                    ? ""
                                    : r.freeAbove().amount())));
        }
        return new ZoneForm(
                zoneId,
                value(typed, "name", zone == null ? "" : zone.name()),
                value(typed, "areas", zone == null ? "" : zone.areasText()),
                s.currency(),
                rows,
                zone == null);
    }

    private static String value(Map<String, String> typed, String field, String stored) {
        return typed != null ? typed.getOrDefault(field, "") : stored;
    }

    private static String bands(List<WeightBand> bands) {
        return String.join(
                ", ",
                bands.stream()
                        .map(b -> BigDecimal.valueOf(b.upToGrams(), 3)
                                        .stripTrailingZeros()
                                        .toPlainString() + "=" + b.price().amount())
                        .toList());
    }
}
