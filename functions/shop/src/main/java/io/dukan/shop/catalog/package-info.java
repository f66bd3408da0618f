/** The owner's catalog admin: products, collections, the CSV import. */
@Configuration
@Requires(env = "shop")
package io.dukan.shop.catalog;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
