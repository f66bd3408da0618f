/** The shopper's cart page and its view model. */
@Configuration
@Requires(env = "shop")
package io.dukan.shop.cart;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
