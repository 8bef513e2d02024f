package io.switchboard.search;

/** One signal behind a recommendation, with its contribution to the score and a dispatcher-readable detail. */
public record Reason(String signal, double weight, String detail) {}
