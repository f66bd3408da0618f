package io.dukan.fleet.upgrades;

import io.dukan.core.upgrade.UpgradeCampaign;
import io.dukan.core.upgrade.UpgradeNudge;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point of the upgrade nudge: template.yaml's UpgradeNudgeFunction, on an EventBridge schedule (every 5
 * minutes), sends the active upgrade campaign's awaited step again when it is overdue by more than the grace
 * ({@link UpgradeNudge}; {@code dukan.upgrade.nudge-grace}, 15 minutes): a step message lost after the queue's
 * retries, or a deploy that was throttled, no longer leaves a campaign waiting forever. In the fleet worker's artifact
 * with none of its rights: it reads the campaigns (platform keys) and sends to the worker's queue, nothing else.
 * Handler: {@code io.dukan.fleet.upgrades.UpgradeNudgeFunction::handleRequest}. The answer names the campaign nudged
 * (empty: none was stalled).
 */
public class UpgradeNudgeFunction extends MicronautRequestHandler<Map<String, Object>, Map<String, String>> {

    public static final String ENVIRONMENT = "upgradenudge";

    private final UpgradeNudge nudge;

    /** On Lambda: configuration from the environment. */
    public UpgradeNudgeFunction() {
        this(ApplicationContext.builder());
    }

    /** In the local cloud and tests: the caller has set properties (and the local queue) on the builder. */
    public UpgradeNudgeFunction(ApplicationContextBuilder builder) {
        super(builder.environments(ENVIRONMENT).deduceEnvironment(false).start());
        this.nudge = applicationContext.getBean(UpgradeNudge.class);
    }

    @Override
    public Map<String, String> execute(Map<String, Object> scheduled) {
        Optional<UpgradeCampaign> nudged = nudge.run(); // logs what it sends again
        Map<String, String> out = new LinkedHashMap<>();
        out.put("nudged", nudged.map(UpgradeCampaign::id).orElse(""));
        out.put("state", nudged.map(c -> c.state().name()).orElse(""));
        return out;
    }
}
