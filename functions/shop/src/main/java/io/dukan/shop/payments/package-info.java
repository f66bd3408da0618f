/** Payments: payment methods, Stripe keys and Stripe's webhook. */
@Configuration
@Requires(env = "shop")
package io.dukan.shop.payments;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
