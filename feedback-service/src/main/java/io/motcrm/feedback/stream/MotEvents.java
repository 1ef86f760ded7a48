package io.motcrm.feedback.stream;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Appends to the live stream's log in the transaction of the change it reports. */
@ApplicationScoped
public class MotEvents {

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(MotEvent.Kind kind, String team, MotPayload payload) {
        MotEvent event = new MotEvent();
        event.at = clock.instant();
        event.kind = kind.name();
        event.team = team;
        try {
            event.payload = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        event.persist();
    }
}
