package io.boxoffice.ops.internal.embedded;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Active when no external database is configured ({@code SPRING_DATASOURCE_URL} unset): the
 * zero-configuration local mode that starts embedded services and seeds the demo.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public @interface ConditionalOnEmbeddedDefaults {}
