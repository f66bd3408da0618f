package io.dukan.core.account;

import java.time.Instant;

/** One admin action: who (the signed-in email), what, about which thing, when. */
public record AuditEntry(Instant at, String actor, String action, String subject) {}
