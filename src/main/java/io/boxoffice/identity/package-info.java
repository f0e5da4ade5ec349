/**
 * Identity: accounts, passwords, roles ({@code CUSTOMER}, {@code ORGANIZER}, {@code SCANNER}),
 * bearer tokens for the API and session login for the pages. Owns {@code app_user}. Other modules
 * learn who is calling through {@link io.boxoffice.identity.CurrentAccount}. Calls only {@code
 * shared}.
 */
@ApplicationModule(allowedDependencies = "shared")
package io.boxoffice.identity;

import org.springframework.modulith.ApplicationModule;
