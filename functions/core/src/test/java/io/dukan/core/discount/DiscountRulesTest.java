package io.dukan.core.discount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.core.order.OrderDiscount;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The pure rules: every kind, the rounding, the caps, and each refusal. */
class DiscountRulesTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    static Money pkr(long minor) {
        return new Money(minor, "PKR");
    }

    static Discount code(DiscountKind kind, long value) {
        return new Discount("SAVE", kind, value, 0, "PKR", null, null, 0, false, false, 0, 1, NOW);
    }

    static Discount with(
            Discount d, long minimum, Instant starts, Instant ends, long limit, boolean paused, long used) {
        return new Discount(
                d.code(), d.kind(), d.value(), minimum, "PKR", starts, ends, limit, false, paused, used, 1, NOW);
    }

    @Test
    void percentage_isOfTheProductsOnly_roundedHalfUpToTheMinorUnit() {
        Discount fifteen = code(DiscountKind.PERCENTAGE, 15);

        // 15% of 99,900 = 14,985 exactly; of 99,910 = 14,986.5 → 14,987; of 99,890 = 14,983.5 → 14,984
        assertThat(DiscountRules.amount(fifteen, pkr(99_900), pkr(25_000))).isEqualTo(pkr(14_985));
        assertThat(DiscountRules.amount(fifteen, pkr(99_910), pkr(25_000))).isEqualTo(pkr(14_987));
        assertThat(DiscountRules.amount(fifteen, pkr(99_890), pkr(0))).isEqualTo(pkr(14_984));
        // 10% of 14 = 1.4 → 1; of 15 = 1.5 → 2
        assertThat(DiscountRules.amount(code(DiscountKind.PERCENTAGE, 10), pkr(14), pkr(0)))
                .isEqualTo(pkr(1));
        assertThat(DiscountRules.amount(code(DiscountKind.PERCENTAGE, 10), pkr(15), pkr(0)))
                .isEqualTo(pkr(2));
    }

    @Test
    void fullPercentage_leavesTheDelivery_andWithFreeDeliveryLeavesOneMinorUnit() {
        Discount all = code(DiscountKind.PERCENTAGE, 100);

        assertThat(DiscountRules.amount(all, pkr(50_000), pkr(25_000))).isEqualTo(pkr(50_000));
        assertThat(DiscountRules.amount(all, pkr(50_000), pkr(0))).isEqualTo(pkr(49_999));
    }

    @Test
    void fixedAmount_isTakenInFull_whenTheProductsCostMore() {
        assertThat(DiscountRules.amount(code(DiscountKind.FIXED_AMOUNT, 50_000), pkr(120_000), pkr(25_000)))
                .isEqualTo(pkr(50_000));
    }

    @Test
    void fixedAmount_largerThanTheProducts_isCappedAtTheProducts_soDeliveryIsStillPaid() {
        OrderDiscount d = DiscountRules.apply(code(DiscountKind.FIXED_AMOUNT, 100_000), pkr(45_000), pkr(25_000), NOW);

        assertThat(d.amount()).isEqualTo(pkr(45_000));
        assertThat(pkr(45_000).minor() + 25_000 - d.amount().minor()).isEqualTo(25_000);
    }

    @Test
    void fixedAmount_neverMakesTheTotalZero_whenDeliveryIsFree() {
        Money amount = DiscountRules.amount(code(DiscountKind.FIXED_AMOUNT, 100_000), pkr(45_000), pkr(0));

        assertThat(amount).isEqualTo(pkr(44_999));
    }

    @Test
    void freeDelivery_takesOffTheDeliveryPrice_andNothingWhenDeliveryIsFree() {
        OrderDiscount paid = DiscountRules.apply(code(DiscountKind.FREE_DELIVERY, 0), pkr(45_000), pkr(25_000), NOW);
        OrderDiscount free = DiscountRules.apply(code(DiscountKind.FREE_DELIVERY, 0), pkr(45_000), pkr(0), NOW);

        assertThat(paid.amount()).isEqualTo(pkr(25_000));
        assertThat(paid.freeDelivery()).isTrue();
        assertThat(free.amount()).isEqualTo(pkr(0));
    }

    @Test
    void refusals_sayWhy() {
        Discount base = code(DiscountKind.PERCENTAGE, 10);
        Money subtotal = pkr(45_000);

        assertThat(DiscountRules.refusal(null, subtotal, NOW)).isEqualTo(DiscountRefusal.UNKNOWN);
        assertThat(DiscountRules.refusal(with(base, 0, null, null, 0, true, 0), subtotal, NOW))
                .isEqualTo(DiscountRefusal.PAUSED);
        assertThat(DiscountRules.refusal(with(base, 0, NOW.plusSeconds(60), null, 0, false, 0), subtotal, NOW))
                .isEqualTo(DiscountRefusal.NOT_STARTED);
        assertThat(DiscountRules.refusal(with(base, 0, null, NOW, 0, false, 0), subtotal, NOW))
                .as("the end is exclusive")
                .isEqualTo(DiscountRefusal.EXPIRED);
        assertThat(DiscountRules.refusal(with(base, 0, null, null, 3, false, 3), subtotal, NOW))
                .isEqualTo(DiscountRefusal.USED_UP);
        assertThat(DiscountRules.refusal(with(base, 45_001, null, null, 0, false, 0), subtotal, NOW))
                .isEqualTo(DiscountRefusal.BELOW_MINIMUM);
        assertThat(DiscountRules.refusal(with(base, 45_000, NOW, NOW.plusSeconds(1), 3, false, 2), subtotal, NOW))
                .as("at the minimum, from the first second, with one use left")
                .isNull();
    }

    @Test
    void belowMinimum_namesTheMinimum() {
        Discount d = with(code(DiscountKind.PERCENTAGE, 10), 500_000, null, null, 0, false, 0);

        assertThatThrownBy(() -> DiscountRules.apply(d, pkr(45_000), pkr(0), NOW))
                .isInstanceOfSatisfying(DiscountRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DiscountRefusal.BELOW_MINIMUM);
                    assertThat(e.minimum()).isEqualTo(pkr(500_000));
                    assertThat(e.getMessage()).contains("PKR 5,000.00");
                });
    }

    @Test
    void aCodeInAnotherCurrency_isUnknown() {
        assertThat(DiscountRules.refusal(code(DiscountKind.PERCENTAGE, 10), new Money(100, "USD"), NOW))
                .isEqualTo(DiscountRefusal.UNKNOWN);
    }

    @Test
    void codes_areTrimmedAndUpperCase_andMustBeShortWords() {
        assertThat(DiscountCodes.valid("  eid-sale_25 ")).isEqualTo("EID-SALE_25");
        assertThat(DiscountCodes.valid("عيد٢٥")).isEqualTo("عيد٢٥");
        assertThatThrownBy(() -> DiscountCodes.valid("EID SALE")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> DiscountCodes.valid("AB")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void customers_areTheSame_whateverWayTheyWriteTheirPhoneOrEmail() {
        String a = DiscountCodes.customerKeys("SAVE", "+92 300 123-4567", "Amina@Example.com ", "PK")
                .get(0);
        String b = DiscountCodes.customerKeys("SAVE", "0300 1234567", "", "PK").get(0);
        String c = DiscountCodes.customerKeys("SAVE", "0092 (300) 1234567", "", "PK")
                .get(0);
        String e1 = DiscountCodes.customerKeys("SAVE", "", "Amina@Example.com ", "PK")
                .get(0);
        String e2 = DiscountCodes.customerKeys("SAVE", "", "amina@example.com", "PK")
                .get(0);

        assertThat(a).isEqualTo(b).isEqualTo(c);
        assertThat(e1).isEqualTo(e2);
        assertThat(DiscountCodes.customerKeys("OTHER", "0300 1234567", "", "PK").get(0))
                .isNotEqualTo(b);
        assertThat(DiscountCodes.customerKeys("SAVE", "0300 1234568", "", "PK").get(0))
                .isNotEqualTo(b);
    }

    @Test
    void command_readsTheOwnersForm_inTheStoresCurrencyAndTimeZone() {
        DiscountCommand c = DiscountCommand.of(
                " eid25 ",
                "FIXED_AMOUNT",
                "250.50",
                "2,000",
                "2026-12-24T09:00",
                "2026-12-26T00:00",
                "100",
                true,
                "PKR",
                ZoneId.of("Asia/Karachi"));

        assertThat(c.code()).isEqualTo("EID25");
        assertThat(c.value()).isEqualTo(25_050);
        assertThat(c.minimumMinor()).isEqualTo(200_000);
        assertThat(c.startsAt()).isEqualTo(Instant.parse("2026-12-24T04:00:00Z"));
        assertThat(c.endsAt()).isEqualTo(Instant.parse("2026-12-25T19:00:00Z"));
        assertThat(c.usageLimit()).isEqualTo(100);
        assertThat(c.oncePerCustomer()).isTrue();
    }

    @Test
    void command_refusesAPercentageOver100_andAnEndBeforeTheStart() {
        ZoneId utc = ZoneId.of("UTC");
        assertThatThrownBy(() -> DiscountCommand.of("EID", "PERCENTAGE", "101", "", "", "", "", false, "PKR", utc))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("discountValue"));
        assertThatThrownBy(() -> DiscountCommand.of(
                        "EID", "PERCENTAGE", "10", "", "2026-12-24T09:00", "2026-12-24T08:00", "", false, "PKR", utc))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("discountEnds"));
    }
}
