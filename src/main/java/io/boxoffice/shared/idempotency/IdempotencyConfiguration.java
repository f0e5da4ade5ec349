package io.boxoffice.shared.idempotency;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Registers the filter right after Spring Security's (order -100), so the account is known. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      IdempotencyKeys keys, PlatformTransactionManager transactions) {
    var registration = new FilterRegistrationBean<>(new IdempotencyFilter(keys, transactions));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(0);
    return registration;
  }
}
