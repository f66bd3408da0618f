/** Orders: the shopper's order status, the owner's order inbox and actions, and order alerts. */
@Configuration
@Requires(env = "shop")
package io.dukan.shop.orders;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
