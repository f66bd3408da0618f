package io.dukan.core.upgrade;

import io.dukan.core.operator.StoreDirectory;
import io.dukan.core.operator.StoreFilter;
import io.dukan.core.operator.StoreListing;
import io.dukan.core.operator.StoreMetrics;
import io.dukan.core.operator.StoreSuspensions;
import io.dukan.core.operator.Suspension;
import io.dukan.core.shared.Page;
import io.dukan.core.tenant.StoreRef;
import io.dukan.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The saga's ports in memory, with a fleet that behaves: each store runs a version, a store on a "bad" version answers
 * errors to the traffic the test sends it, and the campaign records keep their tokens as the DynamoDB ones do.
 */
final class FakeFleet
        implements UpgradeCampaigns,
                ShopVersions,
                StoreVersions,
                StoreCode,
                StoreDirectory,
                StoreMetrics,
                UpgradeQueue {

    record Sent(String id, String token, Duration delay) {}

    final Map<String, ShopVersion> versions = new LinkedHashMap<>();
    final Map<TenantId, String> running = new LinkedHashMap<>();
    final Map<TenantId, String> recorded = new HashMap<>();
    final List<StoreListing> stores = new ArrayList<>();
    final Map<String, UpgradeCampaign> campaigns = new LinkedHashMap<>();
    final Map<String, TreeMap<Integer, UpgradeTarget>> targets = new HashMap<>();
    final List<Sent> sent = new ArrayList<>();
    final List<String> deploys = new ArrayList<>();
    /** The fleet's version (what new stores get), null until a campaign finished. */
    String fleetVersion;
    /** Versions whose stores answer every request with a 5xx. */
    final List<String> bad = new ArrayList<>();
    /** Requests each store gets per metrics read (the traffic of the period). */
    long trafficPerRead = 50;
    /** Versions whose stores answer their check request with this status (a version missing: 200). */
    final Map<String, Integer> checkAnswers = new HashMap<>();
    /** Versions whose stores give no answer to their check request (it throws). */
    final List<String> silent = new ArrayList<>();
    /** The check requests sent: "slug@version". */
    final List<String> checks = new ArrayList<>();
    /** Stores suspended now (after the plan, say). */
    final Map<TenantId, Suspension> suspended = new HashMap<>();
    /** The suspensions port over {@link #suspended}. */
    final StoreSuspensions suspensions = new StoreSuspensions() {
        @Override
        public void suspend(TenantId store, Suspension suspension) {
            suspended.put(store, suspension);
        }

        @Override
        public void lift(TenantId store) {
            suspended.remove(store);
        }

        @Override
        public Optional<Suspension> current(TenantId store) {
            return Optional.ofNullable(suspended.get(store));
        }
    };
    /** Deploying to this store throws. */
    String failDeployTo;
    /** Recording a version throws once (a worker dying mid-step). */
    boolean crashOnce;

    FakeFleet withVersion(String id) {
        versions.put(id, new ShopVersion(id, "builtin:" + id, Instant.EPOCH, "test", ""));
        return this;
    }

    FakeFleet store(String slug, String version) {
        return store(slug, version, "ACTIVE");
    }

    FakeFleet store(String slug, String version, String status) {
        int n = stores.size();
        TenantId id = new TenantId("t" + (char) ('a' + n / 26) + (char) ('a' + n % 26));
        stores.add(new StoreListing(id, slug, slug, "o@x.test", "PK", "en", status, Instant.EPOCH, version));
        running.put(id, version);
        recorded.put(id, version);
        return this;
    }

    TenantId id(String slug) {
        return stores.stream()
                .filter(s -> s.slug().equals(slug))
                .findFirst()
                .orElseThrow()
                .id();
    }

    // --- ShopVersions
    @Override
    public boolean publish(ShopVersion version) {
        return versions.putIfAbsent(version.id(), version) == null;
    }

    @Override
    public Optional<ShopVersion> version(String id) {
        return Optional.ofNullable(versions.get(id));
    }

    @Override
    public List<ShopVersion> all() {
        return List.copyOf(versions.values());
    }

    @Override
    public Optional<String> fleetVersion() {
        return Optional.ofNullable(fleetVersion);
    }

    @Override
    public void setFleetVersion(String id) {
        fleetVersion = id;
    }

    // --- StoreVersions
    @Override
    public Optional<String> current(TenantId store) {
        return Optional.ofNullable(recorded.get(store)).filter(v -> !v.isEmpty());
    }

    @Override
    public void record(TenantId store, String version) {
        if (crashOnce) {
            crashOnce = false;
            throw new IllegalStateException("the worker died");
        }
        recorded.put(store, version);
        for (int i = 0; i < stores.size(); i++) {
            StoreListing s = stores.get(i);
            if (s.id().equals(store)) {
                stores.set(
                        i,
                        new StoreListing(
                                s.id(),
                                s.slug(),
                                s.name(),
                                s.ownerEmail(),
                                s.country(),
                                s.language(),
                                s.status(),
                                s.createdAt(),
                                version));
            }
        }
    }

    // --- StoreCode
    /** The stack's layer, registered on first use as on AWS (null: the first version is the stack's). */
    ShopVersion stack;

    @Override
    public ShopVersion defaultVersion() {
        if (stack != null) {
            versions.putIfAbsent(stack.id(), stack);
            return stack;
        }
        return versions.values().iterator().next();
    }

    @Override
    public void deploy(StoreRef store, ShopVersion version) {
        if (store.slug().value().equals(failDeployTo) && !version.id().equals(recorded.get(store.id()))) {
            throw new IllegalStateException("Lambda said no");
        }
        deploys.add(store.slug().value() + "→" + version.id());
        running.put(store.id(), version.id());
    }

    /** How long each check takes, on this clock (a cold start). */
    io.dukan.core.testing.TestClock clock;

    java.time.Duration checkTakes = java.time.Duration.ZERO;

    @Override
    public int check(StoreRef store) {
        if (clock != null) {
            clock.advance(checkTakes);
        }
        String version = running.get(store.id());
        checks.add(store.slug().value() + "@" + version);
        if (silent.contains(version)) {
            throw new IllegalStateException("Task timed out after 15.00 seconds");
        }
        return checkAnswers.getOrDefault(version, 200);
    }

    // --- StoreDirectory (one page per call of `limit`, cursor = index)
    @Override
    public Page<StoreListing> page(StoreFilter filter, String cursor, int limit) {
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(stores.size(), from + limit);
        return new Page<>(stores.subList(from, to), to < stores.size() ? Integer.toString(to) : null);
    }

    // --- StoreMetrics: the store's traffic, failing if it runs a bad version now
    @Override
    public Optional<Figures> recent(TenantId store, Duration period) {
        if (trafficPerRead == 0) {
            return Optional.empty();
        }
        boolean failing = bad.contains(running.get(store));
        return Optional.of(new Figures(trafficPerRead, failing ? trafficPerRead / 2 : 0, 0, 10, 20, "fake"));
    }

    // --- UpgradeQueue
    @Override
    public void step(String campaignId, String token, Duration delay) {
        sent.add(new Sent(campaignId, token, delay));
    }

    // --- UpgradeCampaigns
    @Override
    public boolean start(UpgradeCampaign campaign) {
        if (campaigns.values().stream().anyMatch(c -> !c.state().isFinal())) {
            return false;
        }
        campaigns.put(campaign.id(), campaign);
        return true;
    }

    @Override
    public Optional<UpgradeCampaign> find(String id) {
        return Optional.ofNullable(campaigns.get(id));
    }

    @Override
    public List<UpgradeCampaign> recent(int limit) {
        return campaigns.values().stream()
                .sorted(Comparator.comparing(UpgradeCampaign::startedAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public void addTargets(String id, List<UpgradeTarget> list) {
        TreeMap<Integer, UpgradeTarget> plan = targets.computeIfAbsent(id, k -> new TreeMap<>());
        list.forEach(t -> plan.putIfAbsent(t.position(), t));
    }

    @Override
    public List<UpgradeTarget> targets(String id, int from, int to) {
        return List.copyOf(
                targets.getOrDefault(id, new TreeMap<>()).subMap(from, to).values());
    }

    @Override
    public Optional<UpgradeTarget> target(String id, TenantId store) {
        return targets.getOrDefault(id, new TreeMap<>()).values().stream()
                .filter(t -> t.id().equals(store))
                .findFirst();
    }

    @Override
    public void updateTarget(String id, UpgradeTarget target) {
        targets.get(id).put(target.position(), target);
    }

    @Override
    public boolean save(UpgradeCampaign campaign, String expectedToken) {
        UpgradeCampaign now = campaigns.get(campaign.id());
        if (now == null || !now.token().equals(expectedToken)) {
            return false;
        }
        campaigns.put(campaign.id(), campaign);
        return true;
    }

    @Override
    public boolean changeState(String id, UpgradeState from, UpgradeState to, String newToken) {
        UpgradeCampaign now = campaigns.get(id);
        if (now == null || now.state() != from) {
            return false;
        }
        campaigns.put(id, now.withState(to, now.reason()).withToken(newToken, now.updatedAt()));
        return true;
    }
}
