/**
 * Web: the server-rendered pages people use — the storefront (event listing, event page with its
 * seat map, sign-in), and later the box office and the door scanner. Pages are Thymeleaf templates
 * fed by view-model records built here, so no table row or module-internal type reaches a template.
 * Owns no data: it reads through the APIs of {@code catalog}, {@code inventory} and {@code
 * identity} and never touches their internals or the database. The JSON API lives in each module
 * under {@code /api/**}, not here.
 */
@ApplicationModule(allowedDependencies = {"catalog", "inventory", "identity", "shared"})
package io.boxoffice.web;

import org.springframework.modulith.ApplicationModule;
