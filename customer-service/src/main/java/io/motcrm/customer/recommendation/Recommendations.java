package io.motcrm.customer.recommendation;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.customer.consent.Consents;
import io.motcrm.customer.consent.Purpose;
import io.motcrm.customer.profile.Customer;
import io.motcrm.platform.problem.ProblemException;

/**
 * Items bought together with the customer's items: for every sku the customer bought (and kept), the
 * other skus in the same baskets, counted by the number of baskets they share; the customer's own skus
 * are left out. Only for customers whose current {@code personalization} consent is granted.
 */
@ApplicationScoped
public class Recommendations {

    public static final int MAX_LIMIT = 50;

    private static final String CO_PURCHASES = """
            with mine as (
                select distinct l.sku from purchase p join purchase_line l on l.purchase_id = p.id
                where p.customer_id = :customer and l.quantity > l.returned_quantity
            ),
            baskets as (
                select distinct l.purchase_id from purchase_line l where l.sku in (select sku from mine)
            )
            select l.sku, min(l.category) as category, count(distinct l.purchase_id) as together
            from baskets b join purchase_line l on l.purchase_id = b.purchase_id
            where l.sku not in (select sku from mine)
            group by l.sku
            order by together desc, l.sku
            limit :limit
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    Consents consents;

    public record Item(String sku, String category, long coPurchaseCount) {
    }

    public record RecommendationList(UUID customerId, boolean personalized, List<Item> items) {
    }

    @SuppressWarnings("unchecked")
    public RecommendationList forCustomer(UUID customerId, int limit) {
        if (Customer.findById(customerId) == null) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
        }
        boolean consented = consents.current(customerId).stream()
                .anyMatch(s -> s.purpose() == Purpose.PERSONALIZATION && s.granted());
        if (!consented) {
            return new RecommendationList(customerId, false, List.of());
        }
        List<Object[]> rows = entityManager.createNativeQuery(CO_PURCHASES)
                .setParameter("customer", customerId).setParameter("limit", limit).getResultList();
        return new RecommendationList(customerId, true, rows.stream()
                .map(r -> new Item((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList());
    }
}
