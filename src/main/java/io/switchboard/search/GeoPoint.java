package io.switchboard.search;

public record GeoPoint(double lat, double lon) {}
