package io.motcrm.customer.purchase;

/** Where a purchase was made: the channels of the touchpoint map (DESIGN.md). */
public enum PurchaseChannel {
    STORE, WEB, APP, CALL_CENTRE, DELIVERY, CHAT
}
