package io.motcrm.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The checker every system test's answers go through ({@link Contract}) catches what it is there for: a
 * wrong type, an undocumented member or status, an undocumented media type.
 */
class ContractIT {

    private static final String BALANCE = "/api/v1/loyalty/customers/6b0d3c1e-8a3e-4c55-9a43-3f5b0c7c2f10/balance";

    @Test
    void theDocumentHasEveryOperationTheSuiteServes() {
        assertThat(Suite.CONTRACT.operations()).isGreaterThanOrEqualTo(82);
    }

    @Test
    void aProblemAsDocumentedPasses() {
        assertThat(Suite.CONTRACT.faults("GET", BALANCE, 404, "application/problem+json",
                "{\"type\":\"urn:motcrm:problem:account-not-found\",\"title\":\"t\",\"status\":404,\"code\":\"account-not-found\","
                        + "\"detail\":\"d\",\"instance\":\"/x\"}")).isEmpty();
    }

    @Test
    void aWrongOrUnknownFieldFails() {
        String valid = Suite.as("customer.hana").get(BALANCE.replace("6b0d3c1e-8a3e-4c55-9a43-3f5b0c7c2f10",
                Suite.customerIdOf("customer.hana").toString())).then().statusCode(200).extract().asString();
        String path = BALANCE;
        assertThat(Suite.CONTRACT.faults("GET", path, 200, "application/json", valid)).isEmpty();
        String wrongType = valid.replaceFirst("\"available\":\\s*-?\\d+", "\"available\":\"12\"");
        assertThat(Suite.CONTRACT.faults("GET", path, 200, "application/json", wrongType)).isNotEmpty();
        String extra = valid.replaceFirst("\\{", "{\"balanceInWon\":1,");
        assertThat(Suite.CONTRACT.faults("GET", path, 200, "application/json", extra)).isNotEmpty();
    }

    @Test
    void anUndocumentedStatusOrMediaTypeFails() {
        assertThat(Suite.CONTRACT.faults("GET", BALANCE, 418, "application/json", "{}")).isNotEmpty();
        assertThat(Suite.CONTRACT.faults("GET", BALANCE, 200, "text/html", "<html></html>")).isNotEmpty();
        assertThat(Suite.CONTRACT.faults("GET", BALANCE, 404, "application/json", "{\"status\":404}")).isNotEmpty();
    }

    @Test
    void aMemberNamedTwiceFails() {
        assertThat(Suite.CONTRACT.faults("GET", BALANCE, 404, "application/problem+json",
                "{\"type\":\"urn:motcrm:problem:x\",\"title\":\"t\",\"status\":404,\"code\":\"x\",\"status\":\"CAPTURED\"}"))
                .isNotEmpty();
    }

    @Test
    void pathsOutsideTheDocumentAreNotOperations() {
        assertThat(Suite.CONTRACT.faults("GET", "/internal/v1/anything", 404, "application/problem+json", "{}")).isEmpty();
    }
}
