/**
 * Languages, CLDR plurals, message tables and the store's formats (money, dates). Plain Java; every module that
 * renders a page or an e-mail speaks through {@link io.dukan.web.i18n.StoreLocale}.
 */
package io.dukan.web.i18n;
