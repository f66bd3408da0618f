package io.dukan.fleet.payments;

import io.dukan.core.order.OrderRepository;
import io.dukan.core.payment.DuePayments;
import io.dukan.core.payment.PaymentAttempts;
import io.dukan.core.payment.PaymentEvents;
import io.dukan.core.payment.PaymentService;
import io.dukan.core.payment.PaymentSweep;
import io.dukan.core.payment.WalletKeysRepository;
import io.dukan.core.payment.WalletPayments;
import io.dukan.core.payment.WalletProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * The payment sweep's beans: the same {@link WalletPayments} and {@link PaymentService} the shop function wires, over
 * the same DynamoDB adapters and wallet providers (JazzCash, Easypaisa, Alipay), plus the due index across stores.
 */
@Factory
@Requires(env = PaymentSweepFunction.ENVIRONMENT)
public class PaymentSweepServices {

    /**
     * At most {@code dukan.payments.sweep-limit} (500) attempts a run; the rest stay due for the next. The
     * {@link WalletPayments} and {@link PaymentService} are the sweep's own (not beans: in the local cloud, where every
     * function shares one classpath, the shop's would compete with them).
     */
    @Singleton
    PaymentSweep paymentSweep(
            DuePayments due,
            List<WalletProvider> providers,
            WalletKeysRepository keys,
            PaymentAttempts attempts,
            OrderRepository orders,
            PaymentEvents events,
            Clock clock,
            @Value("${dukan.payments.sweep-limit:500}") int limit) {
        PaymentService payments = new PaymentService(orders, events, clock);
        return new PaymentSweep(
                due, new WalletPayments(providers, keys, attempts, orders, payments, clock), clock, limit);
    }
}
