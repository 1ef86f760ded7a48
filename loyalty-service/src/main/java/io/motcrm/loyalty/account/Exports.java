package io.motcrm.loyalty.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.motcrm.loyalty.compensation.Compensation;
import io.motcrm.loyalty.consent.PartnerSharingConsent;
import io.motcrm.loyalty.donation.Donations;
import io.motcrm.loyalty.earn.PurchaseEarn;
import io.motcrm.loyalty.earn.Referral;
import io.motcrm.loyalty.ledger.Account;
import io.motcrm.loyalty.ledger.Lot;
import io.motcrm.loyalty.partner.PartnerMovement;
import io.motcrm.loyalty.partner.PartnerReferences;
import io.motcrm.loyalty.redemption.Redemption;
import io.motcrm.loyalty.redemption.RedemptionCode;
import io.motcrm.loyalty.tier.TierStatusReader;

/** Gathers everything held about one customer, for the privacy export. */
@ApplicationScoped
public class Exports {

    @Inject
    CustomerAccounts accounts;

    @Inject
    TierStatusReader tiers;

    @Inject
    Donations donations;

    @Inject
    EntityManager entityManager;

    @Inject
    PartnerReferences partnerReferences;

    @Inject
    Clock clock;

    public CustomerExport export(UUID customerId) {
        Account account = accounts.account(customerId);
        long id = account.id;
        Instant now = clock.instant();
        List<StatementLine> transactions = entityManager.createQuery("""
                select new io.motcrm.loyalty.account.StatementLine(t.id, t.kind, t.reference, t.reversesTransactionId,
                    t.description, e.amount, e.createdAt)
                from LedgerEntry e, LedgerTransaction t
                where t.id = e.transactionId and e.accountId = :account
                order by e.id
                """, StatementLine.class).setParameter("account", id).getResultList();
        List<CustomerExport.LotData> lots = Lot.<Lot>list("accountId = ?1 order by id", id).stream()
                .map(l -> new CustomerExport.LotData(l.id, l.transactionId, l.points, l.remaining, l.earnedAt,
                        l.expiresAt, l.locked, l.lockedUntil))
                .toList();
        List<CustomerExport.PurchaseData> purchases = PurchaseEarn.<PurchaseEarn>list("accountId = ?1 order by occurredAt", id)
                .stream()
                .map(p -> new CustomerExport.PurchaseData(p.purchaseId, p.totalMinor, p.grantedPoints, p.returnedMinor,
                        p.reversedPoints, p.occurredAt))
                .toList();
        List<CustomerExport.CodeData> codes = RedemptionCode.<RedemptionCode>list("accountId = ?1 order by createdAt", id)
                .stream()
                .map(c -> new CustomerExport.CodeData(c.code, c.maxPoints, c.createdAt, c.expiresAt, c.usedAt, c.redemptionId,
                        c.revokedAt, c.stateAt(now).name()))
                .toList();
        List<CustomerExport.RedemptionData> redemptions = Redemption.<Redemption>list("accountId = ?1 order by createdAt", id)
                .stream()
                .map(r -> new CustomerExport.RedemptionData(r.id, r.partnerId, r.code, r.partnerReference,
                        r.statusAt(now).name(),
                        r.authorizedPoints,
                        r.capturedPoints, r.refundedPoints, r.createdAt))
                .toList();
        List<CustomerExport.PartnerEarnData> partnerEarns = PartnerMovement.<PartnerMovement>list(
                "accountId = ?1 and kind = ?2 order by createdAt", id, PartnerMovement.Kind.EARN).stream()
                .map(m -> new CustomerExport.PartnerEarnData(m.partnerId, m.reference, m.points, m.transactionId, m.createdAt))
                .toList();
        List<CustomerExport.CompensationData> compensations = Compensation.ofAccount(id).stream()
                .map(c -> new CustomerExport.CompensationData(c.actionId, c.caseId, c.points, c.reason, c.transactionId,
                        c.grantedAt))
                .toList();
        List<CustomerExport.ReferralData> referrals = Stream.concat(
                Referral.<Referral>list("referrerId", customerId).stream()
                        .map(r -> new CustomerExport.ReferralData("REFERRER", r.referrerId, r.refereeId, r.pointsEach,
                                r.transactionId, r.recordedAt)),
                Referral.<Referral>list("refereeId", customerId).stream()
                        .map(r -> new CustomerExport.ReferralData("REFEREE", r.referrerId, r.refereeId, r.pointsEach,
                                r.transactionId, r.recordedAt)))
                .toList();
        PartnerSharingConsent consent = PartnerSharingConsent.findById(customerId);
        CustomerExport.ConsentData partnerSharing = consent == null ? null
                : new CustomerExport.ConsentData(consent.granted, consent.changedAt);
        List<CustomerExport.PartnerReferenceData> references = account.isOpen()
                ? Stream.concat(redemptions.stream().map(CustomerExport.RedemptionData::partnerId),
                        partnerEarns.stream().map(CustomerExport.PartnerEarnData::partnerId))
                        .distinct().sorted()
                        .map(partner -> new CustomerExport.PartnerReferenceData(partner, partnerReferences.of(partner, customerId)))
                        .toList()
                : List.of();
        return new CustomerExport(customerId, now,
                new CustomerExport.AccountData(id, account.status.name(), account.memberCode, account.createdAt, account.updatedAt),
                accounts.balanceOf(account), tiers.history(id), transactions, lots, purchases, codes, redemptions,
                partnerEarns, donations.receipts(customerId, id), compensations, referrals, partnerSharing, references);
    }
}
