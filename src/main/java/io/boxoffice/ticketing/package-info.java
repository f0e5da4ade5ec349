/**
 * Ticketing: the tickets of confirmed orders ({@code ticket}), issued in the transaction that sells
 * the seats and voided when an order is undone; later, signed barcodes, QR/PDF and check-in. Calls
 * {@code checkout} (its events and ids), {@code catalog} and {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"checkout", "catalog", "identity", "shared"})
package io.boxoffice.ticketing;

import org.springframework.modulith.ApplicationModule;
