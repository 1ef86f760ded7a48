package io.motcrm.feedback.customer;

import java.util.Optional;

/** The outcome of asking customer-service for a customer's value. */
public record ValueLookup(Outcome outcome, Optional<CustomerValue> value) {

    public enum Outcome {
        /** customer-service answered with the value. */
        FOUND,
        /** customer-service does not know the customer (or they were erased): an answer, not a failure. */
        UNKNOWN,
        /** customer-service could not be asked (down, slow, failing, breaker open): ask again later. */
        UNAVAILABLE
    }

    public static ValueLookup found(CustomerValue value) {
        return new ValueLookup(Outcome.FOUND, Optional.of(value));
    }

    public static ValueLookup unknown() {
        return new ValueLookup(Outcome.UNKNOWN, Optional.empty());
    }

    public static ValueLookup unavailable() {
        return new ValueLookup(Outcome.UNAVAILABLE, Optional.empty());
    }
}
