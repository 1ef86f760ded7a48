package io.motcrm.customer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MemberCodesTest {

    @Test
    void generatedCodesAreTenUnambiguousSymbolsWithAValidCheck() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = MemberCodes.generate();
            assertThat(code).hasSize(10).matches("[0-9A-HJKMNP-TV-Z]{10}");
            assertThat(MemberCodes.isValid(code)).isTrue();
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void everySingleMistypedSymbolIsDetected() {
        Random random = new Random(42);
        for (int n = 0; n < 200; n++) {
            String code = MemberCodes.generate(random);
            for (int i = 0; i < code.length(); i++) {
                for (char c : MemberCodes.ALPHABET.toCharArray()) {
                    if (c != code.charAt(i)) {
                        String typo = code.substring(0, i) + c + code.substring(i + 1);
                        assertThat(MemberCodes.isValid(typo)).as(typo).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void swappedNeighboursAreMostlyDetected() {
        Random random = new Random(7);
        int swaps = 0;
        int detected = 0;
        for (int n = 0; n < 500; n++) {
            String code = MemberCodes.generate(random);
            for (int i = 0; i < code.length() - 1; i++) {
                if (code.charAt(i) == code.charAt(i + 1)) {
                    continue;
                }
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                swaps++;
                if (!MemberCodes.isValid(swapped)) {
                    detected++;
                }
            }
        }
        assertThat((double) detected / swaps).isGreaterThan(0.95);
    }

    @Test
    void typedCodesAreNormalised() {
        String code = MemberCodes.generate(new Random(1));
        String typed = " " + code.substring(0, 5).toLowerCase() + "-" + code.substring(5) + " ";
        assertThat(MemberCodes.normalise(typed)).isEqualTo(code);
        assertThat(MemberCodes.normalise("o1l-I")).isEqualTo("0111");
        assertThat(MemberCodes.normalise("ABC*")).isNull();
        assertThat(MemberCodes.isValid("U000000000")).isFalse();
        assertThat(MemberCodes.isValid(null)).isFalse();
        assertThat(MemberCodes.isValid(code.substring(1))).isFalse();
    }
}
