package io.dukan.fleet.payments;

import io.dukan.core.payment.PaymentSweep;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of the payment sweep: template.yaml's PaymentSweepFunction, on an EventBridge schedule (every 5
 * minutes), settles the wallet payments of every store that nobody is looking at ({@link PaymentSweep}): a pending
 * JazzCash voucher or Easypaisa payment asked about at the provider's status inquiry API with back-off, an unpaid one
 * past the provider's expiry cancelled with its stock released. Platform side: it reads the due index across stores
 * and each store's wallet credentials, and changes orders only through the same once-only, version-checked
 * transactions as the store's own order page. Handler: {@code io.dukan.fleet.payments.PaymentSweepFunction::handleRequest}.
 * The schedule's event carries nothing the sweep needs; the answer is the run's figures.
 */
public class PaymentSweepFunction extends MicronautRequestHandler<Map<String, Object>, Map<String, Integer>> {

    public static final String ENVIRONMENT = "paysweep";
    private static final System.Logger LOG = System.getLogger(PaymentSweepFunction.class.getName());

    private final PaymentSweep sweep;

    /** On Lambda: configuration from the environment. */
    public PaymentSweepFunction() {
        this(ApplicationContext.builder());
    }

    /** In the local cloud and tests: the caller has set properties (and perhaps a clock) on the builder. */
    public PaymentSweepFunction(ApplicationContextBuilder builder) {
        super(builder.environments(ENVIRONMENT).deduceEnvironment(false).start());
        this.sweep = applicationContext.getBean(PaymentSweep.class);
    }

    @Override
    public Map<String, Integer> execute(Map<String, Object> scheduled) {
        PaymentSweep.Report report = sweep.run();
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("looked", report.looked());
        out.put("done", report.done());
        out.put("pending", report.pending());
        out.put("failed", report.failed());
        LOG.log(
                report.failed() > 0 ? Level.WARNING : Level.INFO,
                "payment sweep: " + report.looked() + " due, " + report.done() + " settled or done, " + report.pending()
                        + " still pending, " + report.failed() + " failed (due again next run)");
        return out;
    }
}
