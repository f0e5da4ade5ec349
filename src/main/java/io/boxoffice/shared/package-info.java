/**
 * Shared kernel: value types every module uses ({@link io.boxoffice.shared.Money}), the domain
 * exception that maps to RFC 9457 problem details, and the single place where errors become
 * problem+json. Open to every module; depends on none.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.boxoffice.shared;

import org.springframework.modulith.ApplicationModule;
