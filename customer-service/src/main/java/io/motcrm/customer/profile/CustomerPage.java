package io.motcrm.customer.profile;

import java.util.List;

/** One page of search results, ordered by name; {@code page} counts from 0. */
public record CustomerPage(int page, int size, long totalItems, List<CustomerView> items) {
}
