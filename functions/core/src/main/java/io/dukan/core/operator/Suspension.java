package io.dukan.core.operator;

import java.time.Instant;

/** Why a store is closed by the platform, by whom, since when. */
public record Suspension(String reason, String by, Instant since) {}
