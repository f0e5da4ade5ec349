/**
 * The {@code Idempotency-Key} contract of the API (docs/idempotency.md): a servlet filter that
 * makes a retried POST answer what the first one answered, instead of doing it again. Part of the
 * open {@code shared} module; it knows no business module, only the table {@code idempotency_key}.
 */
package io.boxoffice.shared.idempotency;
