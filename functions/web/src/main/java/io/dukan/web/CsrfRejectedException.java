package io.dukan.web;

import io.dukan.core.shared.DomainException;

/** A state-changing form arrived without the token of the page it came from. */
public class CsrfRejectedException extends DomainException {

    public CsrfRejectedException() {
        super("this form has expired or did not come from this site; please go back, reload the page and try again");
    }

    @Override
    public String code() {
        return "csrf";
    }
}
