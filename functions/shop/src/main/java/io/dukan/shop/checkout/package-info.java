/** The shopper's checkout and the owner's display currencies. */
@Configuration
@Requires(env = "shop")
package io.dukan.shop.checkout;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
