package io.switchboard.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

public record Reason(String signal, double weight, String detail) {
}
