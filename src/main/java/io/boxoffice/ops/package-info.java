/**
 * Operations: how the service runs and is watched. Owns the zero-configuration local mode (embedded
 * PostgreSQL and Redis, demo data), health, metrics and, later, the invariant monitor and the sales
 * dashboard data. Reads other modules through their APIs; the demo seeder, active only on the
 * embedded defaults, writes through them too.
 */
@ApplicationModule(allowedDependencies = {"catalog", "identity", "inventory", "shared"})
package io.boxoffice.ops;

import org.springframework.modulith.ApplicationModule;
