package io.dukan.core.testing;

import io.dukan.core.notify.EmailMessage;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.tenant.TenantId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what would have been sent, for use-case tests. */
public class RecordingEmailSender implements EmailSender {

    public record Sent(TenantId tenant, EmailMessage message) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(TenantId tenant, EmailMessage message) {
        sent.add(new Sent(tenant, message));
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }
}
