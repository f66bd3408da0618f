package io.dukan.core.notify;

import io.dukan.core.tenant.TenantId;

/** Out-port: sends an e-mail on behalf of a store (SES in AWS, a viewable outbox in the local cloud). */
public interface EmailSender {

    void send(TenantId tenant, EmailMessage message);
}
