package io.motcrm.loyalty.tier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why points were credited, as far as tier qualification tells them apart
 * ({@code motcrm.loyalty.tiers.qualifying}). Read from the ledger: the kind of the transaction and the cause in its
 * reference ({@code purchase:}, {@code first-purchase:}, {@code welcome:}, {@code referral:}, {@code partner-earn:};
 * a {@code COMPENSATION} transaction). A return's REVERSAL counts against the classes of what it takes back: the
 * purchase's base points and its first-purchase bonus, in the proportion the purchase was granted them.
 */
@Schema(name = "PointsClass")
public enum PointsClass {
    /** Base points for a purchase in the company's own stores, net of returns. */
    PURCHASE,
    /** Points for a purchase at a partner's store. */
    PARTNER_EARN,
    /** The bonus on a customer's first purchase, net of returns. */
    FIRST_PURCHASE,
    /** The bonus for opening an account. */
    WELCOME,
    /** The bonus to referrer and referee when a referral completes. */
    REFERRAL,
    /** Points given by an agent for a case (a goodwill gesture). */
    COMPENSATION;

    /** The class of a ledger transaction {@code t} (a REVERSAL: the purchase's), as an SQL expression. */
    static final String SQL_CLASS = """
            case when t.kind = 'COMPENSATION' then 'COMPENSATION'
                 when t.kind = 'REVERSAL' then 'PURCHASE'
                 when t.reference like 'purchase:%' then 'PURCHASE'
                 when t.reference like 'first-purchase:%' then 'FIRST_PURCHASE'
                 when t.reference like 'welcome:%' then 'WELCOME'
                 when t.reference like 'referral:%' then 'REFERRAL'
                 when t.reference like 'partner-earn:%' then 'PARTNER_EARN'
                 else 'OTHER' end""";
}
