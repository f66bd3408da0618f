/**
 * Order figures kept as orders change (the aggregator reads the table's stream): the owner's dashboard
 * ({@link StoreFigures}) and the operator's industry analysis ({@link PlatformFigures}). Aggregates never hold
 * personal data: no names, phones, e-mails or addresses; a store's figures stay in the platform's past totals after
 * it is suspended or offboarded. Sales are kept per currency and never added across currencies.
 */
package io.dukan.core.insight;
