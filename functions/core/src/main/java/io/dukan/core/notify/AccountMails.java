package io.dukan.core.notify;

import java.time.Duration;

/**
 * Out-port: the words of the e-mails the account services send (a staff invitation, a password-reset link), so a
 * function can write them in its store's language from its own templates. The services decide when to send, to
 * whom and which link; this decides what the message says. {@link #ENGLISH} is the plain default.
 */
public interface AccountMails {

    /** A message's subject (one line) and plain-text body. */
    record Text(String subject, String body) {}

    /**
     * @param inviter   who invites (their e-mail)
     * @param storeName the store's name on one line
     * @param link      the one-time link to accept
     * @param validFor  how long the link works
     */
    Text invitation(String inviter, String storeName, String link, Duration validFor);

    /**
     * @param account   the address whose password is reset
     * @param storeName the store's name on one line
     * @param link      the one-time link to choose a new password
     * @param validFor  how long the link works
     */
    Text passwordReset(String account, String storeName, String link, Duration validFor);

    AccountMails ENGLISH = new AccountMails() {
        @Override
        public Text invitation(String inviter, String storeName, String link, Duration validFor) {
            return new Text(
                    "You are invited to help run " + storeName,
                    inviter + " invites you to help run "
                            + storeName + " (on Dukan). As staff you can manage its products and orders.\n\n"
                            + "To accept, open this link within " + validFor.toDays()
                            + " days and choose your password:\n\n"
                            + link + "\n\n"
                            + "The link works once. If you did not expect this invitation, ignore this message: nothing"
                            + " happens unless you open the link.\n");
        }

        @Override
        public Text passwordReset(String account, String storeName, String link, Duration validFor) {
            return new Text(
                    "Reset your password for " + storeName,
                    "Someone (we hope you) asked to reset the"
                            + " password of " + account + " for " + storeName + ".\n\n"
                            + "To choose a new password, open this link within " + validFor.toMinutes()
                            + " minutes:\n\n"
                            + link + "\n\n"
                            + "The link works once. If you did not ask for this, ignore this message: your password stays"
                            + " as it is.\n");
        }
    };
}
