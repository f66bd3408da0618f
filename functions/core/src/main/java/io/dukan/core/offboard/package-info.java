/**
 * Offboarding: a store's owner (or an operator) closes the store; the fleet worker exports its data into one archive
 * the owner downloads by a short-lived link, then deletes everything of the store (route, function, data, media) and,
 * after a grace period, frees its address. Provisioning backwards, as a saga of idempotent steps with a cursor.
 */
package io.dukan.core.offboard;
