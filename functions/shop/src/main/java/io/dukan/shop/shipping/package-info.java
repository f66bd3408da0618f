/** The owner's shipping zones and rates. */
@Configuration
@Requires(env = "shop")
package io.dukan.shop.shipping;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
