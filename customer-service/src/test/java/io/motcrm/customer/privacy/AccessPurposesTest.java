package io.motcrm.customer.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.motcrm.customer.profile.Masking;

class AccessPurposesTest {

    @Test
    void onlyTheListedPurposesUnmaskAloneOrWithANote() {
        assertThat(AccessPurposes.unmasks("callback")).isTrue();
        assertThat(AccessPurposes.unmasks(" Callback : case 4711")).isTrue();
        assertThat(AccessPurposes.unmasks("delivery: parcel 12")).isTrue();
        assertThat(AccessPurposes.unmasks("contact-verification")).isTrue();
        assertThat(AccessPurposes.unmasks("privacy-request: DSR-9")).isTrue();
        assertThat(AccessPurposes.unmasks("complaint follow-up")).isFalse();
        assertThat(AccessPurposes.unmasks("callbacks")).isFalse();
        assertThat(AccessPurposes.unmasks("need the phone: callback")).isFalse();
        assertThat(AccessPurposes.unmasks("")).isFalse();
        assertThat(AccessPurposes.unmasks(null)).isFalse();
    }

    @Test
    void maskingKeepsOnlyWhatIdentifiesTheKindOfContact() {
        assertThat(Masking.email("minji.kim@example.com")).isEqualTo("m***@example.com");
        assertThat(Masking.email("a@b.co")).isEqualTo("a***@b.co");
        assertThat(Masking.phone("+821012345678")).isEqualTo("+82******5678");
        assertThat(Masking.phone("+4915123456")).isEqualTo("+49****3456");
        assertThat(Masking.email(null)).isNull();
        assertThat(Masking.phone(null)).isNull();
    }
}
