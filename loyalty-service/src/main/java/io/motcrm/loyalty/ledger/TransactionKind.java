package io.motcrm.loyalty.ledger;

public enum TransactionKind {
    EARN, SPEND, HOLD, CAPTURE, VOID, REFUND, EXPIRE, REVERSAL, DONATION, COMPENSATION, ADJUSTMENT, FORFEIT
}
