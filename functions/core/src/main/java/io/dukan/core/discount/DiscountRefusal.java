package io.dukan.core.discount;

/**
 * Why a code was refused. A code of another store is {@link #UNKNOWN}, exactly as a code that does not exist: a
 * shopper must not learn which codes other stores have.
 */
public enum DiscountRefusal {
    UNKNOWN("this discount code does not exist; check it and try again"),
    NOT_STARTED("this discount code cannot be used yet"),
    EXPIRED("this discount code has expired"),
    PAUSED("this discount code is not active at the moment"),
    BELOW_MINIMUM("this discount code needs an order of at least %s"),
    USED_UP("this discount code has been used up"),
    ALREADY_USED("this discount code was already used with your phone number or e-mail"),
    CHANGED("this discount code has just changed; check the new total and place your order again");

    private final String english;

    DiscountRefusal(String english) {
        this.english = english;
    }

    /** The English sentence; {@code minimum} fills BELOW_MINIMUM's amount. */
    public String english(String minimum) {
        return String.format(english, minimum);
    }
}
