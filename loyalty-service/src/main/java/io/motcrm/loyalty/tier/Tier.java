package io.motcrm.loyalty.tier;

/** Membership tiers, lowest first: the order is the ranking. */
public enum Tier {
    BRONZE, SILVER, GOLD
}
