package io.motcrm.feedback.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks that an event's data is exactly the record its name is documented with (StreamResource's x-events). */
public final class EventSchemas {

    static final Map<String, Class<? extends MotPayload>> DOCUMENTED = Map.of(
            "FEEDBACK_RECEIVED", MotPayload.FeedbackReceived.class,
            "CASE_OPENED", MotPayload.CaseChanged.class,
            "CASE_UPDATED", MotPayload.CaseChanged.class,
            "SLA_BREACHED", MotPayload.SlaBreached.class,
            "CASE_ESCALATED", MotPayload.CaseEscalated.class);

    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private EventSchemas() {
    }

    /** The data has every member of the event's record and nothing else. */
    public static void assertMatchesDocumentedSchema(String name, String data) {
        assertThat(DOCUMENTED).as("event name %s is documented", name).containsKey(name);
        try {
            MotPayload payload = STRICT.readValue(data, DOCUMENTED.get(name));
            JsonNode sent = STRICT.readTree(data);
            JsonNode documented = STRICT.valueToTree(payload);
            assertThat(documented).as("data of %s", name).isEqualTo(sent);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The data of " + name + " is not its documented record: " + data, e);
        }
    }
}
