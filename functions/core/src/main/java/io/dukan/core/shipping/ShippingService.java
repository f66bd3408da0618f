package io.dukan.core.shipping;

import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.StoreSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The owner's shipping zones and rates, and the options a shopper gets for an address. */
public class ShippingService {

    private final ShippingRepository repository;

    public ShippingService(ShippingRepository repository) {
        this.repository = repository;
    }

    /** The store's zones, or the default (its own country, free) until the owner saves some. */
    public ShippingSettings settings(StoreSettings store) {
        return repository
                .find(store.tenantId())
                .orElseGet(() -> ShippingSettings.defaultFor(store.country(), store.currency()));
    }

    /** Adds the zone, or replaces the zone with the command's id. */
    public ShippingSettings saveZone(StoreSettings store, ShippingZoneCommand command) {
        ShippingSettings current = settings(store);
        List<ShippingZone> zones = new ArrayList<>(current.configured() ? current.zones() : List.of());
        String id = command.zoneId().isEmpty() ? ShippingSettings.newZoneId() : command.zoneId();
        ShippingZone zone = new ShippingZone(id, command.name(), command.areas(), command.rates());
        boolean replaced = false;
        for (int i = 0; i < zones.size(); i++) {
            if (zones.get(i).id().equals(id)) {
                zones.set(i, zone);
                replaced = true;
            }
        }
        if (!replaced) {
            if (!command.zoneId().isEmpty() && current.configured()) {
                throw new NotFoundException("no such shipping zone");
            }
            if (zones.size() >= ShippingSettings.MAX_ZONES) {
                throw new InvalidInputException(
                        "zone name", "a store has at most " + ShippingSettings.MAX_ZONES + " zones");
            }
            zones.add(zone);
        }
        ShippingSettings saved = new ShippingSettings(zones, true);
        repository.save(store.tenantId(), saved);
        return saved;
    }

    public ShippingSettings deleteZone(StoreSettings store, String zoneId) {
        ShippingSettings current = settings(store);
        List<ShippingZone> zones = new ArrayList<>(current.zones());
        if (!zones.removeIf(z -> z.id().equals(zoneId))) {
            throw new NotFoundException("no such shipping zone");
        }
        if (zones.isEmpty()) {
            throw new InvalidInputException("zone", "keep at least one zone, or shoppers cannot order at all");
        }
        ShippingSettings saved = new ShippingSettings(zones, true);
        repository.save(store.tenantId(), saved);
        return saved;
    }

    /**
     * What delivery to this country (and region, "" if none) costs for a parcel of that weight and an order of that
     * subtotal, cheapest first. The zones naming the region win over zones having the whole country.
     *
     * @throws UnservedDestinationException no zone covers the address
     * @throws InvalidInputException zones cover it but no rate takes a parcel this heavy
     */
    public List<ShippingOption> options(
            ShippingSettings settings, String country, String region, long weightGrams, Money subtotal) {
        String r = region == null ? "" : region;
        int best = settings.zones().stream()
                .mapToInt(z -> z.match(country, r))
                .max()
                .orElse(0);
        if (best == 0) {
            throw new UnservedDestinationException(country);
        }
        List<ShippingOption> out = new ArrayList<>();
        for (ShippingZone zone : settings.zones()) {
            if (zone.match(country, r) != best) {
                continue;
            }
            for (ShippingRate rate : zone.rates()) {
                rate.priceFor(weightGrams, subtotal)
                        .ifPresent(price -> out.add(new ShippingOption(rate.id(), rate.name(), price)));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(
                    "shipping",
                    "this order is too heavy to deliver to " + Countries.name(country)
                            + "; please order less or contact the store");
        }
        out.sort(Comparator.comparingLong((ShippingOption o) -> o.price().minor()));
        return out;
    }

    /** The option the shopper chose; with a single option the choice may be left blank. */
    public ShippingOption choose(List<ShippingOption> options, String rateId) {
        String wanted = rateId == null ? "" : rateId.strip();
        if (wanted.isEmpty() && options.size() == 1) {
            return options.get(0);
        }
        return options.stream()
                .filter(o -> o.rateId().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("shipping", "choose a delivery option"));
    }
}
