package io.dukan.aws.fleet;

import static io.dukan.aws.fleet.FleetFixture.ADD_PERMISSION;
import static io.dukan.aws.fleet.FleetFixture.CREATE_DEPLOYMENT;
import static io.dukan.aws.fleet.FleetFixture.CREATE_FUNCTION;
import static io.dukan.aws.fleet.FleetFixture.DELETE_FUNCTION;
import static io.dukan.aws.fleet.FleetFixture.DELETE_RESOURCE;
import static io.dukan.aws.fleet.FleetFixture.REMOVE_PERMISSION;
import static io.dukan.aws.fleet.FleetFixture.iam;
import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.aws.fleet.ScriptedAws.Reply;
import io.dukan.aws.fleet.ScriptedAws.Request;
import io.dukan.core.account.PasswordHasher;
import io.dukan.core.account.StoreUser;
import io.dukan.core.tenant.ProvisioningService;
import io.dukan.core.tenant.ProvisioningStep;
import io.dukan.core.tenant.SignupCommand;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.StoreSlugTakenException;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The real provisioning saga over the AWS fleet, with the control plane failing late: nothing may be left behind. */
class SagaCompensationTest {

    private final FleetFixture fixture = new FleetFixture();
    private final ScriptedAws aws = fixture.aws;
    private final InMemoryStoreRegistry registry = new InMemoryStoreRegistry();
    private final InMemoryStoreData storeData = new InMemoryStoreData();
    private final ProvisioningService provisioning = new ProvisioningService(registry, storeData, fixture.fleet(),
            new PlainHasher(), Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC));

    private static SignupCommand signup() {
        return SignupCommand.of("Bilal Crafts", "bilal-crafts", "bilal@example.com", "a long password", "PKR", "PK",
                "ur", "signup-0001");
    }

    @Test
    void signup_undoesEveryStep_andFreesTheSlug_whenTheDeploymentFails() {
        // given
        aws.on(CREATE_DEPLOYMENT, Reply.restError(500, "InternalFailure", "Internal server error"));

        // when
        Store store = provisioning.signup(signup());

        // then the store failed, saying why
        assertThat(store.status()).isEqualTo(StoreStatus.FAILED);
        assertThat(store.failureReason()).contains("could not deploy REST API api123 to stage prod");
        assertThat(registry.stores.get(store.id()).status()).isEqualTo(StoreStatus.FAILED);
        assertThat(registry.reasons.get(store.id())).isEqualTo(store.failureReason());
        // and the slug is free again, and the store's data gone
        assertThat(registry.findBySlug(new Slug("bilal-crafts"))).isEmpty();
        assertThat(storeData.stores).isEmpty();
        assertThat(registry.steps.get(store.id())).isEmpty();
        // and what the route step made is removed before the function it pointed to
        String name = "dukan-store-" + store.id().value();
        assertThat(aws.matching(DELETE_RESOURCE)).extracting(Request::path)
                .containsExactly("/restapis/api123/resources/res-bilal-crafts");
        assertThat(aws.matching(REMOVE_PERMISSION)).hasSize(1);
        assertThat(tail(aws.operations(), 5)).containsExactly(
                "DELETE /restapis/api123/resources/res-bilal-crafts",
                "DELETE /2015-03-31/functions/" + name + "/policy/dukan-route-api123",
                "DELETE /2015-03-31/functions/" + name,
                "DeleteRolePolicy",
                "DeleteRole");
        assertThat(aws.matching(iam("DeleteRole")).get(0).form()).containsEntry("RoleName", name);
    }

    @Test
    void signup_undoesEveryStep_whenApiGatewayMayNotInvokeTheFunction() {
        // given
        aws.on(ADD_PERMISSION, Reply.restError(400, "PolicyLengthExceededException",
                "The final policy size (20539) is bigger than the limit (20480)."));

        // when
        Store store = provisioning.signup(signup());

        // then
        assertThat(store.status()).isEqualTo(StoreStatus.FAILED);
        assertThat(store.failureReason()).contains("PolicyLengthExceededException");
        assertThat(registry.findBySlug(new Slug("bilal-crafts"))).isEmpty();
        assertThat(aws.matching(CREATE_DEPLOYMENT)).as("nothing deployed").isEmpty();
        assertThat(aws.matching(DELETE_RESOURCE)).hasSize(1);
        assertThat(aws.matching(DELETE_FUNCTION)).hasSize(1);
        assertThat(aws.matching(iam("DeleteRolePolicy"))).hasSize(1);
        assertThat(aws.matching(iam("DeleteRole"))).hasSize(1);
    }

    @Test
    void signup_removesTheRole_andTouchesNoRoute_whenTheFunctionCannotBeCreated() {
        // given
        aws.on(CREATE_FUNCTION, Reply.restError(400, "CodeStorageExceededException",
                "Code storage limit exceeded."));

        // when
        Store store = provisioning.signup(signup());

        // then
        assertThat(store.status()).isEqualTo(StoreStatus.FAILED);
        assertThat(store.failureReason()).contains("could not create function").contains("CodeStorageExceeded");
        assertThat(registry.findBySlug(new Slug("bilal-crafts"))).isEmpty();
        assertThat(storeData.stores).isEmpty();
        assertThat(aws.matching(r -> r.service().equals("apigateway"))).isEmpty();
        assertThat(aws.matching(iam("DeleteRolePolicy"))).hasSize(1);
        assertThat(aws.matching(iam("DeleteRole"))).hasSize(1);
    }

    @Test
    void signup_activatesTheStore_whenEveryStepSucceeds() {
        // when
        Store store = provisioning.signup(signup());

        // then
        assertThat(store.status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(registry.steps.get(store.id())).containsExactlyInAnyOrder(ProvisioningStep.values());
        assertThat(registry.findBySlug(new Slug("bilal-crafts"))).isPresent();
        Predicate<Request> anyDelete = r -> r.method().equals("DELETE") || r.operation().startsWith("Delete");
        assertThat(aws.matching(anyDelete)).isEmpty();
        assertThat(aws.matching(CREATE_DEPLOYMENT)).hasSize(1);
    }

    private static List<String> tail(List<String> list, int count) {
        return list.subList(Math.max(0, list.size() - count), list.size());
    }

    /** The platform's registry, in memory: slug claims, stores, steps, idempotency keys. */
    private static final class InMemoryStoreRegistry implements StoreRegistry {
        final Map<TenantId, Store> stores = new HashMap<>();
        final Map<TenantId, Set<ProvisioningStep>> steps = new HashMap<>();
        final Map<TenantId, String> reasons = new HashMap<>();
        final Map<Slug, TenantId> slugs = new HashMap<>();
        final Map<String, TenantId> idempotencyKeys = new HashMap<>();

        @Override
        public Registration register(Store store, String idempotencyKey) {
            if (idempotencyKey != null && idempotencyKeys.containsKey(idempotencyKey)) {
                return new Registration(stores.get(idempotencyKeys.get(idempotencyKey)), false);
            }
            if (slugs.containsKey(store.slug())) {
                throw new StoreSlugTakenException(store.slug());
            }
            slugs.put(store.slug(), store.id());
            stores.put(store.id(), store);
            steps.put(store.id(), EnumSet.noneOf(ProvisioningStep.class));
            if (idempotencyKey != null) {
                idempotencyKeys.put(idempotencyKey, store.id());
            }
            return new Registration(store, true);
        }

        @Override
        public Optional<Store> findById(TenantId id) {
            return Optional.ofNullable(stores.get(id));
        }

        @Override
        public Optional<Store> findBySlug(Slug slug) {
            return Optional.ofNullable(slugs.get(slug)).map(stores::get);
        }

        @Override
        public void markStepDone(TenantId id, ProvisioningStep step) {
            steps.get(id).add(step);
        }

        @Override
        public void markStepUndone(TenantId id, ProvisioningStep step) {
            steps.get(id).remove(step);
        }

        @Override
        public void setStatus(TenantId id, StoreStatus status, String reason) {
            stores.put(id, stores.get(id).withStatus(status, reason));
            reasons.put(id, reason);
        }

        @Override
        public void releaseSlug(Slug slug, TenantId holder) {
            slugs.remove(slug, holder);
        }
    }

    private static final class InMemoryStoreData implements StoreDataRepository {
        final Set<TenantId> stores = new HashSet<>();

        @Override
        public void createStoreData(StoreSettings settings, StoreUser owner) {
            stores.add(settings.tenantId());
        }

        @Override
        public void deleteStoreData(TenantId id, String ownerEmail) {
            stores.remove(id);
        }

        @Override
        public Optional<StoreSettings> settings(TenantId id) {
            return Optional.empty();
        }
    }

    private static final class PlainHasher implements PasswordHasher {
        @Override
        public String hash(String password) {
            return "plain:" + password;
        }

        @Override
        public boolean matches(String password, String hash) {
            return hash.equals(hash(password));
        }
    }
}
