package io.dukan.core.testing;

import io.dukan.core.notify.EmailMessage;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps every message instead of sending it; {@link #failNext} makes the next send fail, as an unreachable SES would. */
public class RecordingEmailSender implements EmailSender {

    /** A message as it was handed over, with the store it was sent for. */
    public record Sent(TenantId tenant, EmailMessage message) {}

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final List<Sent> sent = new ArrayList<>();
    private RuntimeException nextFailure;

    @Override
    public synchronized void send(TenantId tenant, EmailMessage message) {
        if (nextFailure != null) {
            RuntimeException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        sent.add(new Sent(tenant, message));
    }

    public synchronized void failNext(RuntimeException failure) {
        this.nextFailure = failure;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The messages sent to one address, oldest first. */
    public synchronized List<EmailMessage> to(String address) {
        return sent.stream()
                .map(Sent::message)
                .filter(m -> m.to().equals(address))
                .toList();
    }

    /** The first link in the latest message to this address. */
    public synchronized Optional<String> lastLinkTo(String address) {
        List<EmailMessage> messages = to(address);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = LINK.matcher(messages.get(messages.size() - 1).text());
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
