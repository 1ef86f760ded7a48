package io.motcrm.customer.purchase;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcrm.customer.CustomerProblem;
import io.motcrm.platform.web.PageCursor;
import io.motcrm.customer.insight.Insights;
import io.motcrm.customer.profile.Customer;
import io.motcrm.customer.profile.CustomerStatus;
import io.motcrm.customer.referral.Referrals;
import io.motcrm.platform.outbox.Outbox;
import io.motcrm.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;

/** Recording purchases and returns, and reading a customer's purchase history. */
@ApplicationScoped
public class Purchases {

    /** Tolerated clock difference between an ordering system and this service. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Referrals referrals;

    @Inject
    Insights insights;

    /** The outcome of recording: the purchase and whether this request created it. */
    public record Recorded(PurchaseView purchase, boolean created) {
    }

    /**
     * Records a purchase once per source and external order id. The customer's row is locked first, so
     * concurrent duplicates of one order queue up and each later one finds the first; the unique index
     * on (source, external_order_id) is the backstop for duplicates sent under another customer.
     */
    @Transactional
    public Recorded record(UUID customerId, PurchaseRequest request) {
        Customer customer = lockActive(customerId, "An erased customer cannot make purchases");
        Instant now = now();
        if (request.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.forField(CustomerProblem.PURCHASE_IN_FUTURE, "occurredAt", "lies in the future");
        }
        String hash = fingerprint(customerId, request);
        Purchase existing = Purchase.find("source = ?1 and externalOrderId = ?2", request.source(),
                request.externalOrderId().strip()).firstResult();
        if (existing != null) {
            if (!existing.customerId.equals(customerId) || !existing.requestHash.equals(hash)) {
                throw new ProblemException(CustomerProblem.PURCHASE_CONFLICT,
                        "Order " + request.source() + "/" + request.externalOrderId() + " was recorded with other contents");
            }
            return new Recorded(view(existing), false);
        }

        Purchase purchase = new Purchase();
        purchase.id = UUID.randomUUID();
        purchase.customerId = customer.id;
        purchase.source = request.source();
        purchase.externalOrderId = request.externalOrderId().strip();
        purchase.occurredAt = request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        purchase.channel = request.channel();
        purchase.touchpointCode = request.touchpointCode();
        purchase.requestHash = hash;
        purchase.recordedAt = now;
        List<PurchaseLine> lines = new ArrayList<>();
        long total = 0;
        int lineNo = 0;
        for (PurchaseRequest.Line requested : request.lines()) {
            PurchaseLine line = new PurchaseLine();
            line.purchaseId = purchase.id;
            line.lineNo = ++lineNo;
            line.sku = requested.sku().strip();
            line.category = requested.category().strip();
            line.quantity = requested.quantity();
            line.unitPriceMinor = requested.unitPriceMinor();
            total = addExact(total, multiplyExact(line.quantity, line.unitPriceMinor));
            lines.add(line);
        }
        purchase.totalMinor = total;
        try {
            purchase.persist();
            Panache.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (isConstraint(e, "purchase_source_order")) {
                throw new ProblemException(CustomerProblem.PURCHASE_CONFLICT,
                        "This order was recorded at the same moment for another customer");
            }
            throw e;
        }
        PurchaseLine.persist(lines);

        outbox.enqueue(PurchaseEvents.TARGET, PurchaseEvents.RECORDED_PATH, "customer", customerId.toString(),
                new PurchaseEvents.Recorded(customerId, purchase.id, purchase.occurredAt, total,
                        lines.stream().map(l -> new PurchaseEvents.Line(l.sku, l.category, l.quantity, l.unitPriceMinor))
                                .toList()));
        referrals.completeOnFirstPurchase(customerId, purchase.id, now);
        Panache.getEntityManager().flush();
        insights.refresh(customerId);
        Log.infof("Purchase %s recorded for customer %s", purchase.id, customerId);
        return new Recorded(view(purchase, lines, List.of(), Map.of()), true);
    }

    /** Returns the given lines, or everything not yet returned; never more than was bought. */
    @Transactional
    public PurchaseView returnGoods(UUID customerId, UUID purchaseId, ReturnRequest request, String recordedBy) {
        lockActive(customerId, "Returns cannot be recorded for an erased customer");
        Purchase purchase = Purchase.findById(purchaseId, LockModeType.PESSIMISTIC_WRITE);
        if (purchase == null || !purchase.customerId.equals(customerId)) {
            throw notFound(purchaseId);
        }
        Map<Integer, PurchaseLine> lines = new LinkedHashMap<>();
        PurchaseLine.of(purchaseId).forEach(l -> lines.put(l.lineNo, l));

        Map<Integer, Integer> returning = new LinkedHashMap<>();
        if (request == null || request.isFull()) {
            lines.values().stream().filter(l -> l.remaining() > 0).forEach(l -> returning.put(l.lineNo, l.remaining()));
            if (returning.isEmpty()) {
                throw new ProblemException(CustomerProblem.RETURN_EXCEEDS_PURCHASE,
                        "Everything bought with this purchase has been returned already");
            }
        } else {
            for (ReturnRequest.Line requested : request.lines()) {
                PurchaseLine line = lines.get(requested.lineNo());
                if (line == null) {
                    throw new ProblemException(CustomerProblem.UNKNOWN_PURCHASE_LINE,
                            "The purchase has no line " + requested.lineNo()).with("lineNo", requested.lineNo());
                }
                if (returning.put(line.lineNo, requested.quantity()) != null) {
                    throw new ProblemException(CustomerProblem.DUPLICATE_RETURN_LINE,
                            "Line " + line.lineNo + " appears twice").with("lineNo", line.lineNo);
                }
                if (requested.quantity() > line.remaining()) {
                    throw new ProblemException(CustomerProblem.RETURN_EXCEEDS_PURCHASE,
                            "Line " + line.lineNo + " has " + line.remaining() + " left to return")
                            .with("lineNo", line.lineNo).with("returnable", line.remaining());
                }
            }
        }

        Instant now = now();
        PurchaseReturn ret = new PurchaseReturn();
        ret.id = UUID.randomUUID();
        ret.purchaseId = purchaseId;
        ret.occurredAt = now;
        ret.recordedBy = recordedBy;
        long amount = 0;
        List<PurchaseReturnLine> returnLines = new ArrayList<>();
        for (var entry : returning.entrySet()) {
            PurchaseLine line = lines.get(entry.getKey());
            line.returnedQuantity += entry.getValue();
            amount = addExact(amount, multiplyExact(entry.getValue(), line.unitPriceMinor));
            PurchaseReturnLine returnLine = new PurchaseReturnLine();
            returnLine.returnId = ret.id;
            returnLine.lineNo = line.lineNo;
            returnLine.purchaseId = purchaseId;
            returnLine.quantity = entry.getValue();
            returnLines.add(returnLine);
        }
        ret.returnedMinor = amount;
        purchase.returnedMinor += amount;
        ret.persist();
        PurchaseReturnLine.persist(returnLines);
        outbox.enqueue(PurchaseEvents.TARGET, PurchaseEvents.RETURNED_PATH, "customer", customerId.toString(),
                new PurchaseEvents.Returned(customerId, purchaseId, ret.id, amount));
        Panache.getEntityManager().flush();
        insights.refresh(customerId);
        Log.infof("Return %s recorded against purchase %s", ret.id, purchaseId);
        return view(purchase);
    }

    public PurchaseView get(UUID customerId, UUID purchaseId) {
        Purchase purchase = Purchase.findById(purchaseId);
        if (purchase == null || !purchase.customerId.equals(customerId)) {
            throw notFound(purchaseId);
        }
        return view(purchase);
    }

    /**
     * Newest first (time, then id), up to {@code limit} after the cursor; keyset-paged on the index
     * purchase_customer, so a page costs the same however deep it lies and a purchase recorded meanwhile
     * neither repeats nor skips an item.
     */
    public PurchaseView.Page history(UUID customerId, String after, int limit) {
        PageCursor from = PageCursor.parse(after);
        requireCustomer(customerId);
        var query = from == null
                ? Purchase.<Purchase> find("customerId = ?1 order by occurredAt desc, id", customerId)
                : Purchase.<Purchase> find("customerId = ?1 and (occurredAt < ?2 or (occurredAt = ?2 and id > ?3)) "
                        + "order by occurredAt desc, id", customerId, from.at(), from.id());
        List<Purchase> found = query.range(0, limit).list();
        String next = null;
        if (found.size() > limit) {
            found = found.subList(0, limit);
            Purchase last = found.get(limit - 1);
            next = new PageCursor(last.occurredAt, last.id).encode();
        }
        return new PurchaseView.Page(views(found), next);
    }

    /** Every purchase of a customer, oldest first, for the privacy export (each fact once, see {@link PurchaseExport}). */
    public List<PurchaseExport> export(UUID customerId) {
        return views(Purchase.list("customerId = ?1 order by occurredAt, id", customerId)).stream()
                .map(p -> new PurchaseExport(p.id(), p.source(), p.externalOrderId(), p.occurredAt(), p.channel(),
                        p.touchpointCode(),
                        p.lines().stream().map(l -> new PurchaseExport.Line(l.lineNo(), l.sku(), l.category(),
                                l.quantity(), l.unitPriceMinor())).toList(),
                        p.returns().stream().map(r -> new PurchaseExport.Return(r.id(), r.occurredAt(),
                                r.lines().stream().map(l -> new PurchaseExport.ReturnLine(l.lineNo(), l.quantity()))
                                        .toList())).toList()))
                .toList();
    }

    private List<PurchaseView> views(List<Purchase> purchases) {
        Set<UUID> ids = purchases.stream().map(p -> p.id).collect(Collectors.toSet());
        Map<UUID, List<PurchaseLine>> lines = PurchaseLine.ofAll(ids).stream()
                .collect(Collectors.groupingBy(l -> l.purchaseId));
        List<PurchaseReturn> returns = PurchaseReturn.ofAll(ids);
        Map<UUID, List<PurchaseReturnLine>> returnLines = PurchaseReturnLine
                .ofAll(returns.stream().map(r -> r.id).collect(Collectors.toSet())).stream()
                .collect(Collectors.groupingBy(l -> l.returnId));
        Map<UUID, List<PurchaseReturn>> returnsByPurchase = returns.stream()
                .collect(Collectors.groupingBy(r -> r.purchaseId));
        return purchases.stream().map(p -> view(p, lines.getOrDefault(p.id, List.of()),
                returnsByPurchase.getOrDefault(p.id, List.of()), returnLines)).toList();
    }

    private PurchaseView view(Purchase purchase) {
        return views(List.of(purchase)).get(0);
    }

    private static PurchaseView view(Purchase p, List<PurchaseLine> lines, List<PurchaseReturn> returns,
            Map<UUID, List<PurchaseReturnLine>> returnLines) {
        return new PurchaseView(p.id, p.customerId, p.source, p.externalOrderId, p.occurredAt, p.channel,
                p.touchpointCode, p.totalMinor, p.returnedMinor,
                lines.stream().map(PurchaseView.LineView::of).toList(),
                returns.stream().map(r -> new PurchaseView.ReturnView(r.id, r.returnedMinor, r.occurredAt,
                        returnLines.getOrDefault(r.id, List.of()).stream()
                                .map(l -> new PurchaseView.ReturnLineView(l.lineNo, l.quantity)).toList()))
                        .toList());
    }

    private static Customer lockActive(UUID customerId, String erasedDetail) {
        Customer customer = Customer.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
        }
        if (customer.status == CustomerStatus.ERASED) {
            throw new ProblemException(CustomerProblem.CUSTOMER_ERASED, erasedDetail);
        }
        return customer;
    }

    private static void requireCustomer(UUID customerId) {
        if (Customer.findById(customerId) == null) {
            throw new ProblemException(CustomerProblem.CUSTOMER_NOT_FOUND, "No customer " + customerId);
        }
    }

    private static ProblemException notFound(UUID purchaseId) {
        return new ProblemException(CustomerProblem.PURCHASE_NOT_FOUND, "No purchase " + purchaseId);
    }

    private String fingerprint(UUID customerId, PurchaseRequest request) {
        try {
            byte[] body = mapper.writeValueAsBytes(new Object[] { customerId, request });
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint a purchase", e);
        }
    }

    private static long multiplyExact(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw tooLarge();
        }
    }

    private static long addExact(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw tooLarge();
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(CustomerProblem.AMOUNT_TOO_LARGE, "The purchase total does not fit in 64 bits");
    }

    static boolean isConstraint(Throwable e, String name) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && name.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
