package io.motcrm.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.motcrm.platform.web.CorrelationId;
import io.motcrm.gateway.support.Callers;
import io.quarkus.test.junit.QuarkusTest;

/** The request's correlation id is in the MDC of what the gateway logs while serving it. */
@QuarkusTest
class CorrelationLogTest {

    @Test
    void theProxysLogLineCarriesTheRequestsCorrelationId() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.motcrm.gateway.routing");
        logger.addHandler(capture);
        try {
            String id = "log-" + UUID.randomUUID();
            given().header("Authorization", Callers.agent()).header("X-Correlation-Id", id)
                    .get("/api/v1/touchpoints").then().statusCode(200);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> records.stream().anyMatch(record -> id.equals(record.getMdc(CorrelationId.MDC_KEY))));
            assertThat(records).filteredOn(record -> id.equals(record.getMdc(CorrelationId.MDC_KEY)))
                    .allMatch(record -> record.getFormattedMessage().contains("/api/v1/touchpoints -> feedback-api 200"));
        } finally {
            logger.removeHandler(capture);
        }
    }
}
