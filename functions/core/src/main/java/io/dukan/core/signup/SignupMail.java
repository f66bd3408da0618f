package io.dukan.core.signup;

/** Out-port: the e-mail asking the owner to confirm their address, in the language they chose. */
public interface SignupMail {

    void sendVerification(PendingSignup pending, String link);
}
