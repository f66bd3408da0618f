package io.dukan.shop;

import io.dukan.core.notify.EmailSender;
import io.dukan.core.order.OrderAdminRepository;
import io.dukan.core.order.OrderAdminService;
import io.dukan.core.order.OrderNotifications;
import io.dukan.core.order.OrderRepository;
import io.dukan.core.payment.PaymentAttempts;
import io.dukan.core.payment.PaymentEvents;
import io.dukan.core.payment.PaymentService;
import io.dukan.core.payment.WalletKeysRepository;
import io.dukan.core.payment.WalletPayments;
import io.dukan.core.payment.WalletProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** Wires the use cases on placed orders: the owner's inbox and status changes, notifications, payments. */
@Factory
class OrderServices {

    @Singleton
    OrderAdminService orderAdminService(OrderRepository orders, OrderAdminRepository admin, Clock clock) {
        return new OrderAdminService(orders, admin, clock);
    }

    @Singleton
    PaymentService paymentService(OrderRepository orders, PaymentEvents events, Clock clock) {
        return new PaymentService(orders, events, clock);
    }

    /** JazzCash, Easypaisa and Alipay, as far as the function has their adapters. */
    @Singleton
    WalletPayments walletPayments(
            List<WalletProvider> providers,
            WalletKeysRepository keys,
            PaymentAttempts attempts,
            OrderRepository orders,
            PaymentService payments,
            Clock clock) {
        return new WalletPayments(providers, keys, attempts, orders, payments, clock);
    }

    /** Sends nothing (and says so in the log) until an {@link EmailSender} bean exists in the function. */
    @Singleton
    OrderNotifications orderNotifications(@Nullable EmailSender email) {
        return new OrderNotifications(email);
    }
}
