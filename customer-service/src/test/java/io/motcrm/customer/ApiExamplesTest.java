package io.motcrm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.motcrm.customer.consent.ConsentRecord;
import io.motcrm.customer.consent.ConsentRequest;
import io.motcrm.customer.profile.CustomerPatch;
import io.motcrm.customer.profile.CustomerView;
import io.motcrm.customer.profile.MemberCodes;
import io.motcrm.customer.profile.SignUpRequest;
import io.motcrm.customer.purchase.PurchaseRequest;
import io.motcrm.customer.purchase.PurchaseView;

/** The documented examples are what the API reads and writes: every one maps onto its record, field for field. */
class ApiExamplesTest {

    static final ObjectMapper STRICT = JsonMapper.builder().findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void examplesMapOntoTheirRecords() throws Exception {
        STRICT.readValue(ApiExamples.SIGN_UP_REQUEST, SignUpRequest.class);
        CustomerView customer = STRICT.readValue(ApiExamples.CUSTOMER, CustomerView.class);
        assertThat(STRICT.readValue(ApiExamples.CUSTOMER_MASKED, CustomerView.class))
                .isEqualTo(customer.withMaskedContacts());
        assertThat(MemberCodes.isValid(customer.memberCode())).isTrue();
        STRICT.readValue(ApiExamples.PROFILE_PATCH, CustomerPatch.class);
        STRICT.readValue(ApiExamples.CONSENT_REQUEST, ConsentRequest.class);
        STRICT.readValue(ApiExamples.CONSENT_RECORD, ConsentRecord.class);
        PurchaseRequest request = STRICT.readValue(ApiExamples.PURCHASE_REQUEST, PurchaseRequest.class);
        PurchaseView purchase = STRICT.readValue(ApiExamples.PURCHASE, PurchaseView.class);
        long total = request.lines().stream().mapToLong(l -> l.quantity() * l.unitPriceMinor()).sum();
        assertThat(purchase.totalMinor()).isEqualTo(total);
        assertThat(purchase.externalOrderId()).isEqualTo(request.externalOrderId());
    }
}
