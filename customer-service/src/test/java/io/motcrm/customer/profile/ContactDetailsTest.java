package io.motcrm.customer.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.platform.problem.ProblemException;

class ContactDetailsTest {

    @ParameterizedTest
    @CsvSource({
            "'  Min.Ji@Example.COM ', min.ji@example.com",
            "a+tag@sub.example.co.kr, a+tag@sub.example.co.kr",
            "O'Brien@Example.ie, o'brien@example.ie" })
    void emailIsTrimmedAndLowerCased(String raw, String normal) {
        assertThat(ContactDetails.email(raw)).isEqualTo(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "plain", "@example.com", "a@", "a@example", "a b@example.com", "a@exa mple.com",
            ".a@example.com", "a..b@example.com", "a.@example.com", "a@-example.com", "a@example..com" })
    void invalidEmailIsRejected(String raw) {
        assertThatThrownBy(() -> ContactDetails.email(raw)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type()).isEqualTo(CustomerProblem.INVALID_EMAIL);
    }

    @ParameterizedTest
    @CsvSource({
            "'+82 10-1234-5678', +821012345678",
            "'0082 (10) 1234 5678', +821012345678",
            "+1.415.555.0100, +14155550100",
            "'  +44 20 7946 0958 ', +442079460958" })
    void phoneIsNormalisedToE164(String raw, String normal) {
        assertThat(ContactDetails.phone(raw)).isEqualTo(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "010-1234-5678", "+0 10 1234 5678", "+82 10 12", "+1234567890123456", "+82-10-ABCD-5678",
            "++821012345678", "+82 10 1234 5678 ext 9" })
    void invalidPhoneIsRejected(String raw) {
        assertThatThrownBy(() -> ContactDetails.phone(raw)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type()).isEqualTo(CustomerProblem.INVALID_PHONE);
    }

    @ParameterizedTest
    @CsvSource({ "ko-kr, ko-KR", "en, en", "' pt-BR ', pt-BR" })
    void localeIsCanonicalised(String raw, String normal) {
        assertThat(ContactDetails.locale(raw)).isEqualTo(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not a locale", "ko_KR", "x" })
    void invalidLocaleIsRejected(String raw) {
        assertThatThrownBy(() -> ContactDetails.locale(raw)).isInstanceOf(ProblemException.class);
    }

    @ParameterizedTest
    @CsvSource({ "'  Kim   Min-ji ', Kim Min-ji" })
    void nameIsTrimmed(String raw, String normal) {
        assertThat(ContactDetails.name(raw)).isEqualTo(normal);
    }
}
