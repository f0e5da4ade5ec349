package io.boxoffice.catalog;

import io.boxoffice.shared.Money;
import java.util.UUID;

/**
 * A price for a set of sections or seats. Rank 0 is the best tier; best-available tries tiers in
 * rank order.
 */
public record PriceTier(UUID id, String name, Money price, int rank) {}
