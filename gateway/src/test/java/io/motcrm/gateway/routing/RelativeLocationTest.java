package io.motcrm.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A Location header never gives a client the address of a service behind the gateway. */
class RelativeLocationTest {

    @Test
    void aServicesAbsoluteLocationBecomesItsPath() {
        assertThat(Proxy.relativeLocation("http://localhost:8083/partner/v1/redemptions/4f1c?x=1%202"))
                .isEqualTo("/partner/v1/redemptions/4f1c?x=1%202");
        assertThat(Proxy.relativeLocation("http://loyalty-service.motcrm.svc:8083/api/v1/loyalty/charities/c1"))
                .isEqualTo("/api/v1/loyalty/charities/c1");
    }

    @Test
    void aRelativeOrUnreadableLocationIsLeftAsItIs() {
        assertThat(Proxy.relativeLocation("/api/v1/cases/1")).isEqualTo("/api/v1/cases/1");
        assertThat(Proxy.relativeLocation("not a uri at all")).isEqualTo("not a uri at all");
    }
}
