package io.dukan.fleet;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.dukan.core.offboard.OffboardingSaga;
import io.dukan.core.tenant.ProvisioningSaga;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.upgrade.UpgradeSaga;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the fleet worker: the queue's messages, each the id of a store, run through {@link ProvisioningSaga}
 * (a store a signup recorded) and {@link OffboardingSaga} (a store whose operator or owner asked to close it; each saga
 * leaves alone a store that is not its business). Handler: {@code io.dukan.fleet.FleetWorker::handleRequest}, behind an SQS event source
 * mapping with ReportBatchItemFailures: a message whose saga threw (the registry unreachable, the worker's own
 * failure, not a failed step, which the saga compensates and records) is reported, so SQS redelivers it alone,
 * and after maxReceiveCount moves it to the dead-letter queue. A worker that dies mid-saga (timeout, crash)
 * reports nothing: the whole batch is redelivered after the visibility timeout, and the saga resumes each store
 * from its first step not done.
 *
 * <p>A message {@code upgrade:{campaign}:{token}} is a step of a fleet upgrade ({@link UpgradeSaga}), which sends
 * itself its next step; each store the worker sees ACTIVE gets the shop-code version it runs recorded.
 */
public class FleetWorker extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    public static final String ENVIRONMENT = "fleet";
    private static final System.Logger LOG = System.getLogger(FleetWorker.class.getName());

    private final ProvisioningSaga saga;
    private final OffboardingSaga offboarding;
    /** Absent where the context has no store code, metrics or queue to upgrade with (tests of provisioning alone). */
    private final Optional<UpgradeSaga> upgrades;

    /** On Lambda: configuration from the environment. */
    public FleetWorker() {
        this(ApplicationContext.builder());
    }

    /** In the local cloud: the caller has set properties and its StoreFleet on the builder. */
    public FleetWorker(ApplicationContextBuilder builder) {
        super(builder.environments(ENVIRONMENT).deduceEnvironment(false).start());
        this.saga = applicationContext.getBean(ProvisioningSaga.class);
        this.offboarding = applicationContext.getBean(OffboardingSaga.class);
        this.upgrades = applicationContext.findBean(UpgradeSaga.class);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        if (event == null || event.getRecords() == null) {
            return new SQSBatchResponse(failures);
        }
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                String body = message.getBody() == null ? "" : message.getBody().strip();
                Optional<String[]> step = UpgradeSaga.parse(body);
                if (step.isPresent()) {
                    upgrades.orElseThrow(() -> new IllegalStateException("this worker has no upgrade saga"))
                            .step(step.get()[0], step.get()[1]);
                    continue;
                }
                TenantId store = new TenantId(body);
                Optional<Store> provisioned = saga.run(store);
                offboarding.run(store);
                if (provisioned.isPresent() && upgrades.isPresent()) {
                    upgrades.get().recordNewStore(provisioned.get());
                }
            } catch (IllegalArgumentException | NullPointerException malformed) {
                // Not a store id: redelivering it cannot help; it is dropped (and logged).
                LOG.log(
                        Level.ERROR,
                        "message " + message.getMessageId() + " is neither a store id nor an upgrade step; dropped",
                        malformed);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "provisioning from message " + message.getMessageId()
                                + " did not finish; it will be redelivered",
                        e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
