package io.dukan.core.signup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignupGateTest {

    @Test
    void theAddressLimit_countsAnIpv4AddressWhole_andAnIpv6AddressBy_its64BitPrefix() {
        assertThat(SignupGate.addressKey("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(SignupGate.addressKey("2001:db8:1:2:aaaa::1")).isEqualTo("2001:0db8:0001:0002::/64");
        assertThat(SignupGate.addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo(SignupGate.addressKey("2001:db8:1:2::9"));
        assertThat(SignupGate.addressKey("2001:db8:1:3::9")).isNotEqualTo(SignupGate.addressKey("2001:db8:1:2::9"));
        assertThat(SignupGate.addressKey(null)).isEqualTo("unknown");
        assertThat(SignupGate.addressKey("not:an:address:zz")).isEqualTo("unknown");
    }
}
