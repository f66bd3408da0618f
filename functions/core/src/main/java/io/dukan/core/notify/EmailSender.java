package io.dukan.core.notify;

import io.dukan.core.tenant.TenantId;

/**
 * Out-port: sends one e-mail on behalf of a store (SES when deployed, the store's outbox in the local cloud).
 * Returns once the message is accepted for delivery; a message that cannot be accepted is an exception, so the
 * caller can undo what it prepared for it.
 */
public interface EmailSender {

    void send(TenantId tenant, EmailMessage message);
}
