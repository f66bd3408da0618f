package io.dukan.core.operator;

import java.time.Instant;

/**
 * One operator action: who, what, about which store (its slug, or empty), why (the reason they gave, or empty),
 * when.
 */
public record PlatformAuditEntry(Instant at, String actor, String action, String subject, String reason) {}
