package io.dukan.aws.logging;

import java.io.PrintStream;

/**
 * A store function's per-request metrics as one CloudWatch Embedded Metric Format line on stdout: CloudWatch Logs
 * turns it into the metrics Requests, Errors, ColdStarts (Count) and Duration (Milliseconds) in the namespace
 * {@value #NAMESPACE}, dimension TenantId, without a PutMetricData call on the request path. The line also carries the
 * store's slug, the status and the request id, so the log itself says whose request it was.
 *
 * <p>Cost to know before 10,000 stores: CloudWatch bills each metric (name + dimension values) as a custom metric, so
 * this is 4 metrics per store (about 0.30 USD each a month at the first tier).
 */
public final class StoreMetricsLog {

    public static final String NAMESPACE = "Dukan/Stores";

    private StoreMetricsLog() {}

    /** The EMF document of one request (no line break inside; the caller prints it as one line). */
    public static String line(
            String tenantId,
            String slug,
            long timestampMillis,
            int status,
            double durationMillis,
            boolean coldStart,
            String requestId) {
        return "{\"_aws\":{\"Timestamp\":" + timestampMillis + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
                + "\",\"Dimensions\":[[\"TenantId\"]],\"Metrics\":[{\"Name\":\"Requests\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Errors\",\"Unit\":\"Count\"},{\"Name\":\"ColdStarts\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Duration\",\"Unit\":\"Milliseconds\"}]}]},"
                + "\"TenantId\":\"" + plain(tenantId) + "\",\"Slug\":\"" + plain(slug) + "\",\"Requests\":1,"
                + "\"Errors\":" + (status >= 500 ? 1 : 0) + ",\"ColdStarts\":" + (coldStart ? 1 : 0) + ","
                + "\"Duration\":" + Math.round(durationMillis * 100) / 100.0 + ",\"Status\":" + status
                + ",\"RequestId\":\"" + plain(requestId == null ? "" : requestId) + "\"}";
    }

    public static void write(PrintStream out, String line) {
        out.println(line);
    }

    /** Ids and slugs are [a-z0-9-]; anything else is dropped rather than escaped (it cannot come from here). */
    private static String plain(String text) {
        // a loop, not replaceAll: a regex compiled three times per request was most of this line's cost
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'A' && c <= 'Z'
                    || c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }
}
