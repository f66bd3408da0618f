package io.dukan.fleet;

import static io.dukan.fleet.FleetFixture.CREATE_FUNCTION;
import static io.dukan.fleet.FleetFixture.iam;
import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.aws.testing.ScriptedAws;
import io.dukan.aws.testing.ScriptedAws.Reply;
import io.dukan.aws.testing.ScriptedAws.Request;
import io.dukan.core.tenant.ProvisioningSaga;
import io.dukan.core.tenant.ProvisioningService;
import io.dukan.core.tenant.ProvisioningStep;
import io.dukan.core.tenant.SignupCommand;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.core.testing.InMemoryStoreData;
import io.dukan.core.testing.InMemoryStoreRegistry;
import io.dukan.core.testing.PlainHasher;
import io.dukan.core.testing.RecordingQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The real provisioning saga over the AWS fleet, with the control plane failing late: nothing may be left behind. */
class SagaCompensationTest {

    private final FleetFixture fixture = new FleetFixture();
    private final ScriptedAws aws = fixture.aws;
    private final InMemoryStoreRegistry registry = new InMemoryStoreRegistry();
    private final InMemoryStoreData storeData = new InMemoryStoreData();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
    private final ProvisioningService provisioning =
            new ProvisioningService(registry, new RecordingQueue(), new PlainHasher(), clock);
    private final ProvisioningSaga saga = new ProvisioningSaga(registry, storeData, fixture.fleet(), clock);

    /** The signup function records the store; the fleet worker runs the saga for it. */
    private Store signupAndRunTheSaga() {
        return saga.run(provisioning.signup(signup()).id()).orElseThrow();
    }

    private static SignupCommand signup() {
        return SignupCommand.of(
                "Bilal Crafts",
                "bilal-crafts",
                "bilal@example.com",
                "a long password",
                "PKR",
                "PK",
                "ur",
                "signup-0001");
    }

    @Test
    void signup_undoesEveryStep_andFreesTheSlug_whenTheRoutingEntryCannotBeWritten() {
        // given
        aws.on(r -> r.isTarget("dynamodb", "PutItem"), Reply.json(500, """
                {"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}"""));

        // when
        Store store = signupAndRunTheSaga();

        // then the store failed, saying why
        assertThat(store.status()).isEqualTo(StoreStatus.FAILED);
        assertThat(store.failureReason()).isEqualTo("could not create the store's web address");
        assertThat(registry.reasons.get(store.id())).isEqualTo(store.failureReason());
        // and the slug is free again, and the store's data gone
        assertThat(registry.findBySlug(new Slug("bilal-crafts"))).isEmpty();
        assertThat(storeData.stores).isEmpty();
        assertThat(registry.steps.get(store.id())).isEmpty();
        // and the routing entry is removed before the function it names, then the role and the log group
        String name = name(store);
        List<String> operations = aws.operations();
        int functionDeleted = operations.indexOf("DELETE /2015-03-31/functions/" + name);
        assertThat(operations.subList(0, functionDeleted)).contains("DeleteItem");
        assertThat(operations.subList(functionDeleted, operations.size()))
                .containsExactly(
                        "DELETE /2015-03-31/functions/" + name,
                        "DeleteRolePolicy",
                        "DeleteRole",
                        "DeleteLogGroup",
                        "UpdateItem");
        assertThat(aws.matching(iam("DeleteRole")).get(0).form()).containsEntry("RoleName", name);
    }

    @Test
    void signup_removesTheRole_andTouchesNoRoute_whenTheFunctionCannotBeCreated() {
        // given
        aws.on(CREATE_FUNCTION, Reply.restError(400, "CodeStorageExceededException", "Code storage limit exceeded."));

        // when
        Store store = signupAndRunTheSaga();

        // then
        assertThat(store.status()).isEqualTo(StoreStatus.FAILED);
        assertThat(store.failureReason()).isEqualTo("could not create the store's function");
        assertThat(registry.findBySlug(new Slug("bilal-crafts"))).isEmpty();
        assertThat(storeData.stores).isEmpty();
        assertThat(aws.matching(r -> r.service().equals("apigateway"))).isEmpty();
        assertThat(aws.operations()).endsWith("DeleteRolePolicy", "DeleteRole", "DeleteLogGroup", "UpdateItem");
        assertThat(aws.matching(iam("DeleteRole")))
                .allSatisfy(r -> assertThat(r.form()).containsEntry("RoleName", name(store)));
    }

    @Test
    void signup_activatesTheStore_whenEveryStepSucceeds() {
        // when
        Store store = signupAndRunTheSaga();

        // then
        assertThat(store.status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(registry.steps.get(store.id())).containsExactlyInAnyOrder(ProvisioningStep.values());
        assertThat(registry.findBySlug(new Slug("bilal-crafts"))).isPresent();
        Predicate<Request> anyDelete =
                r -> r.method().equals("DELETE") || r.operation().startsWith("Delete");
        assertThat(aws.matching(anyDelete)).isEmpty();
        // one routing entry, and not one API Gateway request: no resource, no deployment
        assertThat(aws.matching(r -> r.isTarget("dynamodb", "PutItem"))).hasSize(1);
        assertThat(aws.matching(r -> r.service().equals("apigateway"))).isEmpty();
    }

    private static String name(Store store) {
        return "dukan-store-" + store.id().value();
    }
}
