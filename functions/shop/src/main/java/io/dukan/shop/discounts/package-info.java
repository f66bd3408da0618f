/**
 * Discount codes in the shop: the owner's pages (list with usage, create, edit, pause and resume, delete an unused
 * code; the owner's {@code SETTINGS} permission, since a code gives the store's money away) and the words the
 * checkout, order pages and mails use for a code.
 */
@Configuration
@Requires(env = "shop")
package io.dukan.shop.discounts;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
