package io.dukan.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void owner_mayDoEverything() {
        for (Permission p : Permission.values()) {
            assertThat(Role.OWNER.may(p)).as(p.name()).isTrue();
        }
    }

    @Test
    void staff_manageProductsAndOrders_butNotSettingsStaffOrPayouts() {
        assertThat(Role.STAFF.may(Permission.PRODUCTS)).isTrue();
        assertThat(Role.STAFF.may(Permission.ORDERS)).isTrue();
        assertThat(Role.STAFF.may(Permission.SETTINGS)).isFalse();
        assertThat(Role.STAFF.may(Permission.STAFF)).isFalse();
        assertThat(Role.STAFF.may(Permission.PAYOUTS)).isFalse();
    }
}
