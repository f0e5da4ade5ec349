package io.boxoffice.shared.idempotency;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers {@link IdempotencyFilter} for {@code /api/*} three steps after Spring Security's filter
 * chain ({@code spring.security.filter.order}, -100 unless configured; in Boot 4 the constant is
 * {@link SecurityFilterProperties#DEFAULT_FILTER_ORDER}). The rest of the servlet chain runs inside
 * Security's, so the authenticated account is in the security context when the filter runs.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      IdempotencyKeys keys,
      PlatformTransactionManager transactionManager,
      ObjectProvider<SecurityFilterProperties> security,
      ObjectProvider<OwnTransactions> ownTransactions) {
    var transactions = new TransactionTemplate(transactionManager);
    var filter =
        new IdempotencyFilter(
            new InOneTransaction(keys, transactions),
            new ClaimThenComplete(keys, transactions),
            ownTransactions.orderedStream().toList());
    var registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/api/*");
    var securityOrder =
        security
            .getIfAvailable(SecurityFilterProperties::new)
            .getOrder(); // DEFAULT_FILTER_ORDER unless configured
    registration.setOrder(securityOrder + 3); // after admission's rate limits and token check
    return registration;
  }
}
