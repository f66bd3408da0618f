package io.dukan.core.notify;

/** One plain-text e-mail; {@code replyTo} is "" when replies go to the sender. */
public record EmailMessage(String to, String subject, String text, String replyTo) {}
