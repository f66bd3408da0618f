package io.dukan.fleet;

import io.dukan.core.upgrade.ShopVersion;
import io.dukan.core.upgrade.ShopVersions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The version registry in memory (the DynamoDB one is exercised by infra/local's FleetUpgradeIT). */
final class MemoryShopVersions implements ShopVersions {

    final Map<String, ShopVersion> registry = new LinkedHashMap<>();
    String fleetVersion;

    @Override
    public boolean publish(ShopVersion version) {
        return registry.putIfAbsent(version.id(), version) == null;
    }

    @Override
    public Optional<ShopVersion> version(String id) {
        return Optional.ofNullable(registry.get(id));
    }

    @Override
    public List<ShopVersion> all() {
        return new ArrayList<>(registry.values());
    }

    @Override
    public Optional<String> fleetVersion() {
        return Optional.ofNullable(fleetVersion);
    }

    @Override
    public void setFleetVersion(String id) {
        fleetVersion = id;
    }
}
