package io.motcrm.customer.segment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.customer.insight.LifecycleStage;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.logging.Log;

/** Saved segments and their members, found by the compiled rule in one parameterised query. */
@ApplicationScoped
public class Segments {

    /** The population every segment and audience is drawn from: active customers and their insight. */
    public static final String POPULATION = """
            from customer c left join customer_insight i on i.customer_id = c.id
            where c.status = 'ACTIVE' and\s""";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Transactional
    public SegmentViews.SegmentView create(SegmentViews.CreateRequest request, String createdBy) {
        SegmentCompiler.validate(request.rule());
        String name = request.name().trim();
        if (Segment.count("name", name) > 0) {
            throw nameTaken(name);
        }
        Segment segment = new Segment();
        segment.id = UUID.randomUUID();
        segment.name = name;
        segment.rule = write(request.rule());
        segment.createdBy = createdBy;
        segment.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            segment.persistAndFlush();
        } catch (PersistenceException e) {
            if (e.getCause() instanceof ConstraintViolationException || e instanceof ConstraintViolationException) {
                throw nameTaken(name);
            }
            throw e;
        }
        Log.infof("Segment %s created", segment.id);
        return view(segment);
    }

    public SegmentViews.SegmentView get(UUID id) {
        return view(find(id));
    }

    public SegmentViews.SegmentPage list(int page, int size) {
        var query = Segment.<Segment> find("order by name");
        return new SegmentViews.SegmentPage(page, size, query.count(),
                query.page(page, size).list().stream().map(this::view).toList());
    }

    /** The segment's rule as SQL over {@link #POPULATION}, evaluated now. */
    public SegmentCompiler.Compiled condition(UUID segmentId) {
        Segment segment = find(segmentId);
        return SegmentCompiler.compile(read(segment.rule), clock.instant(), "s");
    }

    @SuppressWarnings("unchecked")
    public SegmentViews.MemberPage members(UUID segmentId, int page, int size) {
        SegmentCompiler.Compiled compiled = condition(segmentId);
        Query count = entityManager.createNativeQuery("select count(*) " + POPULATION + compiled.where());
        bind(count, compiled.parameters());
        Query select = entityManager.createNativeQuery("""
                select c.id, c.member_code, coalesce(i.lifecycle_stage, 'PROSPECT'), i.recency_score, i.frequency_score,
                       i.monetary_score, i.last_purchase_at, coalesce(i.lifetime_value_minor, 0)
                """ + POPULATION + compiled.where() + " order by c.id limit :limit offset :offset");
        bind(select, compiled.parameters()).setParameter("limit", size).setParameter("offset", (long) page * size);
        List<Object[]> rows = select.getResultList();
        return new SegmentViews.MemberPage(segmentId, page, size, ((Number) count.getSingleResult()).longValue(),
                rows.stream().map(Segments::member).toList());
    }

    public static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }

    private static SegmentViews.Member member(Object[] row) {
        return new SegmentViews.Member((UUID) row[0], (String) row[1], LifecycleStage.valueOf((String) row[2]),
                toInt(row[3]), toInt(row[4]), toInt(row[5]), toInstant(row[6]), ((Number) row[7]).longValue());
    }

    static Integer toInt(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + value.getClass());
    }

    private Segment find(UUID id) {
        Segment segment = Segment.findById(id);
        if (segment == null) {
            throw new ProblemException(CustomerProblem.SEGMENT_NOT_FOUND, "No segment " + id);
        }
        return segment;
    }

    private SegmentViews.SegmentView view(Segment s) {
        return new SegmentViews.SegmentView(s.id, s.name, read(s.rule), s.createdBy, s.createdAt);
    }

    private String write(SegmentRule rule) {
        try {
            return mapper.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SegmentRule read(String rule) {
        try {
            return mapper.readValue(rule, SegmentRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored segment rule cannot be read", e);
        }
    }

    private static ProblemException nameTaken(String name) {
        return new ProblemException(CustomerProblem.SEGMENT_NAME_TAKEN, "A segment named '" + name + "' exists");
    }
}
