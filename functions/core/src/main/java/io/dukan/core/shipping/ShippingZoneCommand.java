package io.dukan.core.shipping;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A zone as the owner typed it on the shipping page: a name, countries ("PK, AE, US:California") and up to
 * {@link ShippingZone#MAX_RATES} rates. Validates itself; amounts are in the store's currency.
 */
public record ShippingZoneCommand(String zoneId, String name, List<ShippingZone.Area> areas, List<ShippingRate> rates) {

    private static final Pattern BAND =
            Pattern.compile("\\s*([0-9]+(?:\\.[0-9]{1,3})?)\\s*(?:kg)?\\s*[=:]\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*");
    private static final Pattern RATE_ID = Pattern.compile("[a-z2-7]{1,16}");

    /** One rate row of the form; a row with no name is left out. {@code bands} is "1=250, 5=600" (kg = price). */
    public record RateRow(String id, String name, String kind, String price, String bands, String freeAbove) {}

    public ShippingZoneCommand {
        areas = List.copyOf(areas);
        rates = List.copyOf(rates);
    }

    public static ShippingZoneCommand of(
            String zoneId, String name, String areas, List<RateRow> rows, String currency) {
        String zone = Text.optional("zoneId", zoneId, 16);
        if (!zone.isEmpty() && !RATE_ID.matcher(zone).matches()) {
            throw new InvalidInputException("zoneId", "no such zone");
        }
        String zoneName = Text.required("zone name", name, 80);
        List<ShippingZone.Area> parsedAreas = areas(areas);
        List<ShippingRate> parsedRates = new ArrayList<>();
        for (RateRow row : rows) {
            String rateName = Text.optional("rate name", row.name(), 80);
            if (rateName.isEmpty()) {
                continue;
            }
            parsedRates.add(rate(row, rateName, currency));
        }
        if (parsedRates.isEmpty()) {
            throw new InvalidInputException("rate name", "give the zone at least one rate (a name and a price)");
        }
        if (parsedRates.size() > ShippingZone.MAX_RATES) {
            throw new InvalidInputException("rate name", "a zone has at most " + ShippingZone.MAX_RATES + " rates");
        }
        return new ShippingZoneCommand(zone, zoneName, parsedAreas, parsedRates);
    }

    static List<ShippingZone.Area> areas(String text) {
        String all = Text.required("countries", text, 4000);
        Set<ShippingZone.Area> out = new LinkedHashSet<>();
        for (String part : all.split("[,;\\n]")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            String country = Countries.parse("countries", colon < 0 ? p : p.substring(0, colon));
            String region = colon < 0 ? "" : Text.optional("countries", p.substring(colon + 1), 60);
            out.add(new ShippingZone.Area(country, region));
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("countries", "countries is required (two-letter codes, like PK, AE)");
        }
        if (out.size() > ShippingZone.MAX_AREAS) {
            throw new InvalidInputException("countries", "a zone has at most " + ShippingZone.MAX_AREAS + " countries");
        }
        return List.copyOf(out);
    }

    private static ShippingRate rate(RateRow row, String name, String currency) {
        String id = Text.optional("rate", row.id(), 16);
        if (id.isEmpty() || !RATE_ID.matcher(id).matches()) {
            id = io.dukan.core.shared.Ids.newId();
        }
        ShippingRate.Kind kind = "BY_WEIGHT".equalsIgnoreCase(Text.optional("rate type", row.kind(), 20))
                ? ShippingRate.Kind.BY_WEIGHT
                : ShippingRate.Kind.FLAT;
        String freeText = Text.optional("free above", row.freeAbove(), 24);
        Money freeAbove = freeText.isEmpty() ? null : Money.parse("free above", freeText, currency);
        if (kind == ShippingRate.Kind.FLAT) {
            return new ShippingRate(
                    id, name, kind, amount("price of " + name, row.price(), currency), List.of(), freeAbove);
        }
        return new ShippingRate(id, name, kind, new Money(0, currency), bands(name, row.bands(), currency), freeAbove);
    }

    private static List<WeightBand> bands(String rateName, String text, String currency) {
        String field = "weight bands of " + rateName;
        String all = Text.required(field, text, 1000);
        List<WeightBand> out = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (String part : all.split("[,;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = BAND.matcher(part);
            if (!m.matches()) {
                throw new InvalidInputException(
                        field, field + ": write each band as 'up to kg = price', like 1=250, 5=600");
            }
            BigDecimal kg = new BigDecimal(m.group(1));
            if (kg.signum() <= 0 || kg.compareTo(BigDecimal.valueOf(100_000)) > 0) {
                throw new InvalidInputException(field, field + ": weights must be between 0 and 100000 kg");
            }
            long grams = kg.movePointRight(3).longValueExact();
            if (!seen.add(grams)) {
                throw new InvalidInputException(field, field + ": two bands for the same weight");
            }
            out.add(new WeightBand(grams, amount(field, m.group(2), currency)));
        }
        if (out.isEmpty() || out.size() > ShippingRate.MAX_BANDS) {
            throw new InvalidInputException(field, field + ": give 1 to " + ShippingRate.MAX_BANDS + " bands");
        }
        return out;
    }

    /** A price that may be zero (free delivery), otherwise as {@link Money#parse} reads it. */
    static Money amount(String field, String text, String currency) {
        String v = Text.required(field, text, 24);
        if (v.matches("0+(\\.0+)?")) {
            return new Money(0, currency);
        }
        return Money.parse(field, v, currency);
    }
}
