package io.motcrm.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemInstanceTest {

    @Test
    void aPlainPathIsKeptAsItIs() {
        assertThat(Problem.uriReference("/api/v1/customers/42/consents;x=1?a=b&c=%20d")).isEqualTo(
                "/api/v1/customers/42/consents;x=1?a=b&c=%20d");
    }

    @Test
    void rawBytesControlCharactersAndUnicodeArePercentEncodedNotEchoed() {
        assertThat(Problem.uriReference("/caf\u00e9 x\u0000\n\"<b>\"")).isEqualTo("/caf%C3%A9%20x%00%0A%22%3Cb%3E%22");
        assertThat(Problem.uriReference("/\ud83d\ude00/\u4e2d")).isEqualTo("/%F0%9F%98%80/%E4%B8%AD");
    }

    @Test
    void theAnswerCarriesTheEncodedInstance() {
        Problem problem = Problem.of(CommonProblem.NOT_FOUND, "no", "/x\u00ff", null, null);
        assertThat(problem.getInstance()).isEqualTo("/x%C3%BF");
    }
}
