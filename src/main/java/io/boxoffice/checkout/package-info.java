/**
 * Checkout: orders, the purchase saga (authorize → confirm seats → capture), the payment gateway
 * port with its adapters, refunds and recovery. Owns {@code customer_order} and {@code
 * payment_operation}. Calls {@code inventory} (checkout steps of a hold), {@code catalog}, {@code
 * identity} and {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"inventory", "catalog", "identity", "shared"})
package io.boxoffice.checkout;

import org.springframework.modulith.ApplicationModule;
