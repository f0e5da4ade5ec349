package io.boxoffice.admission.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where admission's filters sit around Spring Security's chain (order S): address rate limits at S
 * - 2, before logins are processed; the cap on requests in flight at S - 1, so that a request over
 * a rate limit is refused at once instead of waiting its turn; account rate limits at S + 1 and the
 * admission-token check at S + 2, after the caller is known; the idempotency filter follows at S +
 * 3, so a refused request never becomes an idempotent answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RateLimitProperties.class, InFlightProperties.class})
class AdmissionConfiguration {

  private static int securityOrder(ObjectProvider<SecurityFilterProperties> security) {
    return security.getIfAvailable(SecurityFilterProperties::new).getOrder();
  }

  @Bean
  FilterRegistrationBean<RateLimitFilter> addressRateLimits(
      RateLimitProperties properties,
      RateLimiter limiter,
      ObjectProvider<SecurityFilterProperties> security) {
    var registration =
        new FilterRegistrationBean<>(
            new RateLimitFilter(properties, limiter, RateLimitFilter.Key.ADDRESS));
    registration.setOrder(securityOrder(security) - 2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<InFlightLimitFilter> inFlightLimit(
      InFlightProperties properties,
      MeterRegistry registry,
      ObjectProvider<SecurityFilterProperties> security) {
    var registration = new FilterRegistrationBean<>(new InFlightLimitFilter(properties, registry));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(securityOrder(security) - 1);
    registration.setEnabled(properties.enabled());
    return registration;
  }

  @Bean
  FilterRegistrationBean<RateLimitFilter> accountRateLimits(
      RateLimitProperties properties,
      RateLimiter limiter,
      ObjectProvider<SecurityFilterProperties> security) {
    var registration =
        new FilterRegistrationBean<>(
            new RateLimitFilter(properties, limiter, RateLimitFilter.Key.ACCOUNT));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(securityOrder(security) + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AdmissionFilter> admissionFilter(
      QueuePolicies policies,
      AdmissionTokens tokens,
      AdmissionMetrics metrics,
      ObjectProvider<SecurityFilterProperties> security) {
    var registration = new FilterRegistrationBean<>(new AdmissionFilter(policies, tokens, metrics));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(securityOrder(security) + 2);
    return registration;
  }
}
