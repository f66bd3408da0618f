/** The owner's store settings page. */
@Configuration
@Requires(env = "shop")
package io.dukan.shop.settings;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
