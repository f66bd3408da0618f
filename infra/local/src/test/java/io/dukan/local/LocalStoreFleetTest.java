package io.dukan.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreRef;
import io.dukan.core.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreFleetTest {

    @TempDir
    Path data;

    private LocalStoreFleet fleet() {
        return new LocalStoreFleet(
                data.resolve("fleet.json"),
                "dukantable",
                "mediabucket",
                function -> new EchoHandler(
                        new FunctionFactory.Definition(function.functionName(), "h", Map.of(), Map.of(), List.of())));
    }

    @Test
    void createAndDelete_areIdempotent_andPersisted() throws Exception {
        StoreRef store = new StoreRef(TenantId.newId(), new Slug("acme"));
        LocalStoreFleet fleet = fleet();

        fleet.createFunction(store);
        fleet.createFunction(store);
        fleet.createRoute(store);
        fleet.createRoute(store);

        LocalStoreFleet reloaded = fleet();
        assertThat(reloaded.routes())
                .containsExactly(Map.entry("acme", store.id().value()));
        LocalStoreFleet.StoreFunction function =
                reloaded.functions().get(store.id().value());
        assertThat(function.functionName())
                .isEqualTo("dukan-store-" + store.id().value());
        assertThat(function.environment())
                .containsEntry("DUKAN_TENANT_ID", store.id().value())
                .containsEntry("DUKAN_STORE_SLUG", "acme")
                .containsEntry("DUKAN_TABLE", "dukantable")
                .containsEntry("DUKAN_BUCKET", "mediabucket");

        reloaded.deleteRoute(store);
        reloaded.deleteRoute(store);
        reloaded.deleteFunction(store);
        reloaded.deleteFunction(store);
        assertThat(fleet().routes()).isEmpty();
        assertThat(fleet().functions()).isEmpty();
        assertThat(Files.list(data)).extracting(p -> p.getFileName().toString()).containsExactly("fleet.json");
    }

    @Test
    void creatingAFunction_startsNoInstance() {
        StoreRef store = new StoreRef(TenantId.newId(), new Slug("acme"));
        LocalStoreFleet fleet = fleet();
        fleet.createFunction(store);
        fleet.createRoute(store);

        assertThat(fleet.instanceCount()).isZero();
        assertThat(fleet.target("acme")).isPresent();
        assertThat(fleet.instanceCount()).isZero();
        assertThat(fleet.target("other")).isEmpty();
    }

    @Test
    void deleteRoute_ofAnotherTenant_leavesTheRoute() {
        StoreRef owner = new StoreRef(TenantId.newId(), new Slug("acme"));
        StoreRef other = new StoreRef(TenantId.newId(), new Slug("acme"));
        LocalStoreFleet fleet = fleet();
        fleet.createRoute(owner);

        fleet.deleteRoute(other);

        assertThat(fleet.routes()).containsEntry("acme", owner.id().value());
    }
}
