/**
 * E-mail to people, as a port: {@link io.dukan.core.notify.EmailMessage} (validated, plain text) and
 * {@link io.dukan.core.notify.EmailSender}. Invitations and password resets use it; order confirmations and owner
 * alerts are meant to.
 */
package io.dukan.core.notify;
