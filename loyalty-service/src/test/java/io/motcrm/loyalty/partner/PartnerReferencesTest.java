package io.motcrm.loyalty.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PartnerReferencesTest {

    @Test
    void base32FollowsRfc4648() {
        assertThat(PartnerReferences.base32("fooba".getBytes(StandardCharsets.US_ASCII), 5)).isEqualTo("mzxw6ytb");
        assertThat(PartnerReferences.base32(new byte[] { -1, -1, -1, -1, -1, 0, 0, 0, 0, 0 }, 10))
                .isEqualTo("77777777aaaaaaaa");
    }
}
