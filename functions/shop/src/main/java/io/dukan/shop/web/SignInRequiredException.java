package io.dukan.shop.web;

/** An admin page or call without a valid session; answered by {@link SignInRoutes}. */
class SignInRequiredException extends RuntimeException {

    SignInRequiredException() {
        super("please sign in", null, false, false);
    }
}
