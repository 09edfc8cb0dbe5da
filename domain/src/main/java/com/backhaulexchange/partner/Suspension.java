package com.backhaulexchange.partner;

import java.time.Instant;

/** Why and when an operator suspended a partner. */
public record Suspension(String reason, Instant suspendedAt) {
}
