package io.switchboard.routing;

public enum OfferStatus {
    PENDING, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN
}
