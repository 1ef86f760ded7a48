package io.motcrm.feedback.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * What a data-only dump of the service's database would show: every text-like column of every table
 * (information_schema), searched for given values.
 */
final class DatabaseScan {

    private DatabaseScan() {
    }

    /** Where each value occurs, as {@code table.column=rows}; empty when it occurs nowhere. */
    static Map<String, List<String>> find(List<String> values) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var entityManager = Panache.getEntityManager();
            @SuppressWarnings("unchecked")
            List<Object[]> columns = entityManager.createNativeQuery("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = current_schema()
                      and data_type in ('character varying', 'text', 'character', 'json', 'jsonb')
                    order by table_name, column_name""").getResultList();
            Map<String, List<String>> hits = new LinkedHashMap<>();
            for (String value : values) {
                List<String> where = new ArrayList<>();
                for (Object[] column : columns) {
                    long rows = ((Number) entityManager.createNativeQuery("select count(*) from \"%s\" where strpos(cast(\"%s\" as text), :value) > 0"
                            .formatted(column[0], column[1])).setParameter("value", value).getSingleResult()).longValue();
                    if (rows > 0) {
                        where.add(column[0] + "." + column[1] + "=" + rows);
                    }
                }
                if (!where.isEmpty()) {
                    hits.put(value, where);
                }
            }
            return hits;
        });
    }
}
