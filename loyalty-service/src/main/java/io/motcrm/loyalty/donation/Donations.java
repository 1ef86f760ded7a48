package io.motcrm.loyalty.donation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.motcrm.loyalty.Cursors;
import io.motcrm.loyalty.LoyaltyProblem;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.AccountType;
import io.motcrm.loyalty.ledger.Ledger;
import io.motcrm.loyalty.ledger.TransactionKind;
import io.motcrm.platform.problem.ProblemException;

/** Charities and the points customers donate to them. */
@ApplicationScoped
public class Donations {

    private static final DateTimeFormatter RECEIPT_DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Transactional
    public CharityView register(CharityRequest request) {
        ledger.claim("charity:" + request.id());
        if (Charity.findById(request.id()) != null) {
            throw new ProblemException(LoyaltyProblem.CHARITY_EXISTS, "Charity '" + request.id() + "' is already registered");
        }
        Instant now = clock.instant();
        Account account = new Account();
        account.type = AccountType.CHARITY;
        account.ownerRef = request.id();
        account.status = Account.Status.OPEN;
        account.createdAt = now;
        account.updatedAt = now;
        account.persist();
        Charity charity = new Charity();
        charity.id = request.id();
        charity.name = request.name();
        charity.status = Charity.Status.ACTIVE;
        charity.accountId = account.id;
        charity.createdAt = now;
        charity.persist();
        return CharityView.of(charity);
    }

    public List<CharityView> charities() {
        return Charity.<Charity>list("order by id").stream().map(CharityView::of).toList();
    }

    public CharityView charity(String charityId) {
        return CharityView.of(require(charityId));
    }

    /** Gives points to a charity: spendable points, soonest-expiring first, to the charity's account. */
    @Transactional
    public DonationReceipt donate(UUID customerId, DonationRequest request) {
        Charity charity = Charity.findById(request.charityId());
        if (charity == null) {
            throw new ProblemException(LoyaltyProblem.CHARITY_NOT_FOUND, "No registered charity '" + request.charityId() + "'");
        }
        if (charity.status != Charity.Status.ACTIVE) {
            throw new ProblemException(LoyaltyProblem.CHARITY_NOT_ACTIVE, "This charity no longer takes donations");
        }
        long accountId = Account.customerAccountId(customerId)
                .orElseThrow(() -> new ProblemException(LoyaltyProblem.ACCOUNT_NOT_FOUND, "This customer has no points account"));
        Ledger.Locks locks = ledger.lock(accountId);
        ledger.sweep(locks, accountId, ledger.systemAccount(AccountType.EXPIRY));
        UUID id = UUID.randomUUID();
        Ledger.Debit debit = ledger.debit(locks, accountId, charity.accountId, TransactionKind.DONATION,
                "donation:" + id, null, "Donation to a charity", request.points(), List.of(), false);
        Donation donation = new Donation();
        donation.id = id;
        donation.receiptNumber = "D-" + RECEIPT_DAY.format(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)) + "-"
                + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        donation.accountId = accountId;
        donation.charityId = charity.id;
        donation.points = debit.points();
        donation.transactionId = debit.transaction().id;
        donation.donatedAt = clock.instant();
        donation.persist();
        return receipt(donation, customerId, charity);
    }

    public DonationReceipt receipt(UUID customerId, UUID donationId) {
        long accountId = Account.customerAccountId(customerId).orElse(-1L);
        Donation donation = Donation.findById(donationId);
        if (donation == null || donation.accountId != accountId) {
            throw new ProblemException(LoyaltyProblem.DONATION_NOT_FOUND, "No such donation of this customer");
        }
        return receipt(donation, customerId, Charity.findById(donation.charityId));
    }

    /** The customer's donations, newest first (by their ledger transaction), a page at a time. */
    public DonationPage page(UUID customerId, String after, int limit) {
        long accountId = Account.customerAccountId(customerId)
                .orElseThrow(() -> new ProblemException(LoyaltyProblem.ACCOUNT_NOT_FOUND, "This customer has no points account"));
        long before = after == null ? Long.MAX_VALUE : Cursors.part(Cursors.decode(after, 1)[0], Long::parseLong);
        // Panache's range is inclusive: limit + 1 rows, the last only to tell whether another page follows.
        List<Donation> found = Donation.<Donation>find("accountId = ?1 and transactionId < ?2 order by transactionId desc",
                accountId, before).range(0, limit).list();
        boolean more = found.size() > limit;
        List<Donation> page = more ? found.subList(0, limit) : found;
        Map<String, Charity> charities = new HashMap<>();
        List<DonationReceipt> items = page.stream()
                .map(d -> receipt(d, customerId, charities.computeIfAbsent(d.charityId, id -> Charity.<Charity>findById(id))))
                .toList();
        return new DonationPage(items, more ? Cursors.encode(page.get(page.size() - 1).transactionId) : null);
    }

    public List<DonationReceipt> receipts(UUID customerId, long accountId) {
        return Donation.ofAccount(accountId).stream()
                .map(d -> receipt(d, customerId, Charity.findById(d.charityId))).toList();
    }

    public CharityStatement statement(String charityId, Instant from, Instant to) {
        Charity charity = require(charityId);
        List<Donation> donations = Donation.list("charityId = ?1 and donatedAt >= ?2 and donatedAt < ?3 order by donatedAt",
                charityId, from, to);
        long total = donations.stream().mapToLong(d -> d.points).sum();
        return new CharityStatement(charity.id, charity.name, from, to, total, donations.size(),
                Ledger.balanceFromEntries(charity.accountId),
                donations.stream().map(d -> new CharityStatement.Line(d.receiptNumber, d.points, d.transactionId, d.donatedAt))
                        .toList());
    }

    private static Charity require(String charityId) {
        Charity charity = Charity.findById(charityId);
        if (charity == null) {
            throw new ProblemException(LoyaltyProblem.CHARITY_NOT_FOUND, "No registered charity '" + charityId + "'");
        }
        return charity;
    }

    private static DonationReceipt receipt(Donation donation, UUID customerId, Charity charity) {
        return new DonationReceipt(donation.id, donation.receiptNumber, customerId, charity.id, charity.name,
                donation.points, donation.transactionId, donation.donatedAt);
    }
}
