package io.dukan.core.account;

/** Out-port: a slow, salted, maintained password hash. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
