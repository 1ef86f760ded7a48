package io.motcrm.customer.privacy;

import io.motcrm.customer.consent.SourceChannel;

/** Optional body of an erasure: where it was asked for (recorded on the consent withdrawals). */
public record ErasureRequest(SourceChannel channel) {
}
