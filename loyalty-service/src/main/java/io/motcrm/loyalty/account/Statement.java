package io.motcrm.loyalty.account;

import java.util.List;
import java.util.UUID;

/** A page of a customer's statement, newest first. */
public record Statement(UUID customerId, int page, int size, long totalItems, List<StatementLine> items) {
}
