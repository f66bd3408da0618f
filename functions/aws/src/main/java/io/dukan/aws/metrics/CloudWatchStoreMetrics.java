package io.dukan.aws.metrics;

import io.dukan.core.operator.StoreMetrics;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * A store function's figures from the metrics its EMF log lines made (io.dukan.aws.logging.StoreMetricsLog):
 * one GetMetricData call of five queries over the period, one data point each (the period is the statistic's
 * period). Read when an operator opens the store's page, and by the fleet worker when it judges an upgrade wave.
 */
final class CloudWatchStoreMetrics implements StoreMetrics {

    private static final System.Logger LOG = System.getLogger(CloudWatchStoreMetrics.class.getName());

    private final CloudWatchClient cloudWatch;
    private final String namespace;
    private final Clock clock;

    CloudWatchStoreMetrics(CloudWatchClient cloudWatch, String namespace, Clock clock) {
        this.cloudWatch = cloudWatch;
        this.namespace = namespace;
        this.clock = clock;
    }

    @Override
    public Optional<Figures> recent(TenantId store, Duration period) {
        Instant end = clock.instant();
        int seconds = (int) Math.max(60, period.toSeconds() / 60 * 60);
        List<MetricDataQuery> queries = List.of(
                query("requests", store, "Requests", "Sum", seconds),
                query("errors", store, "Errors", "Sum", seconds),
                query("cold", store, "ColdStarts", "Sum", seconds),
                query("mean", store, "Duration", "Average", seconds),
                query("max", store, "Duration", "Maximum", seconds));
        try {
            GetMetricDataResponse response = cloudWatch.getMetricData(
                    r -> r.startTime(end.minus(period)).endTime(end).metricDataQueries(queries));
            Map<String, Double> values = new HashMap<>();
            for (MetricDataResult result : response.metricDataResults()) {
                values.put(
                        result.id(),
                        result.values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum());
            }
            if (values.getOrDefault("requests", 0d) == 0d) {
                return Optional.empty();
            }
            return Optional.of(new Figures(
                    Math.round(values.get("requests")),
                    Math.round(values.getOrDefault("errors", 0d)),
                    Math.round(values.getOrDefault("cold", 0d)),
                    values.getOrDefault("mean", 0d),
                    values.getOrDefault("max", 0d),
                    "CloudWatch " + namespace));
        } catch (SdkException unavailable) {
            LOG.log(System.Logger.Level.WARNING, "no CloudWatch metrics for store {0}: {1}", store, unavailable);
            return Optional.empty();
        }
    }

    private MetricDataQuery query(String id, TenantId store, String metric, String stat, int seconds) {
        return MetricDataQuery.builder()
                .id(id)
                .returnData(true)
                .metricStat(MetricStat.builder()
                        .metric(Metric.builder()
                                .namespace(namespace)
                                .metricName(metric)
                                .dimensions(Dimension.builder()
                                        .name("TenantId")
                                        .value(store.value())
                                        .build())
                                .build())
                        .period(seconds)
                        .stat(stat)
                        .build())
                .build();
    }
}
