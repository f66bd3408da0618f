package io.dukan.core.notify;

import io.dukan.core.shared.InvalidInputException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One plain-text e-mail to one person. Validates itself: addresses must look like name@example.com, and no field
 * that becomes a mail header (to, reply-to, subject) may hold a line break, so nothing typed can add headers.
 *
 * @param to      the recipient's address (lower-cased)
 * @param subject one line, at most 200 characters
 * @param text    the plain-text body, at most 100,000 characters
 * @param replyTo where answers should go, or "" when replies go to the sender (null is taken as "")
 */
public record EmailMessage(String to, String subject, String text, String replyTo) {

    private static final Pattern ADDRESS =
            Pattern.compile("[^@\\s<>\",;]{1,64}@[^@\\s<>\",;]{1,190}\\.[^@\\s.<>\",;]{2,63}");
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_TEXT = 100_000;

    public EmailMessage {
        to = address("to", to);
        if (replyTo != null && !replyTo.isBlank()) {
            replyTo = address("replyTo", replyTo);
        } else {
            replyTo = "";
        }
        if (subject == null || subject.isBlank()) {
            throw new InvalidInputException("subject", "subject is required");
        }
        subject = subject.strip();
        if (subject.length() > MAX_SUBJECT || subject.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(
                    "subject", "subject must be one line of at most " + MAX_SUBJECT + " characters");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "text is required");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "text must be at most " + MAX_TEXT + " characters");
        }
    }

    /** A message without a reply-to address. */
    public EmailMessage(String to, String subject, String text) {
        this(to, subject, text, "");
    }

    /** The reply-to address, if there is one. */
    public Optional<String> replyToAddress() {
        return replyTo.isEmpty() ? Optional.empty() : Optional.of(replyTo);
    }

    /** Whether the text is an address a message can be sent to (the same rule the constructor applies). */
    public static boolean isAddress(String text) {
        return text != null
                && text.length() <= 254
                && ADDRESS.matcher(text.strip()).matches();
    }

    /** The address trimmed and lower-cased, or InvalidInputException naming {@code field}. */
    public static String address(String field, String text) {
        if (!isAddress(text)) {
            throw new InvalidInputException(field, "email must be an address like name@example.com");
        }
        return text.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "EmailMessage[to=" + to + ", subject=" + subject + "]"; // bodies carry one-time links: never logged
    }
}
