package io.motcrm.loyalty.ledger;

public enum AccountType {
    /** A customer's points; never below zero. */
    CUSTOMER,
    /** Where earned points come from: its balance is minus the points ever issued (net of reversals). */
    ISSUANCE,
    /** Where expired points go. */
    EXPIRY,
    /** Where points spent with the company itself go. */
    REDEMPTION,
    /** Manual corrections. */
    ADJUSTMENT,
    /** Points of pending partner holds, between authorize and capture / void / expiry. */
    HOLDS,
    /** Points left on the account of an erased customer when it was closed. */
    FORFEIT,
    /** One per partner company: points redeemed at, or earned through, the partner. */
    PARTNER_SETTLEMENT,
    /** One per registered charity: donated points. */
    CHARITY;

    /** The owner reference of the single system account of a type. */
    public static final String SYSTEM = "system";
}
