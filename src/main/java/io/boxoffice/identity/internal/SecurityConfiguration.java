package io.boxoffice.identity.internal;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.boxoffice.identity.Role;
import io.boxoffice.shared.web.ProblemResponses;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two ways in. The API ({@code /api/**}) is stateless: bearer tokens, no session, no CSRF (no
 * cookies are trusted), problem+json for 401/403. The pages use a session login kept in Redis
 * (Spring Session), with CSRF protection on every form. Roles are checked here, by path, before a
 * request body is read, and again on the controllers ({@code @PreAuthorize}) next to the code.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/auth/token")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/payments/webhooks/**")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.GET, "/api/v1/events/*/sales", "/api/v1/events/*/orders")
                    .hasRole(Role.ORGANIZER.name())
                    .requestMatchers(HttpMethod.GET, "/api/v1/events/*/queue/draw")
                    .permitAll()
                    .requestMatchers("/api/v1/events/*/queue", "/api/v1/events/*/queue/**")
                    .authenticated()
                    .requestMatchers(HttpMethod.GET, "/api/v1/events", "/api/v1/events/**")
                    .permitAll()
                    // Role checks that must come before the body is read: otherwise a customer
                    // sending a bad body would learn about validation instead of getting 403.
                    .requestMatchers("/api/v1/venues", "/api/v1/venues/**")
                    .hasRole(Role.ORGANIZER.name())
                    .requestMatchers(HttpMethod.POST, "/api/v1/events", "/api/v1/events/*/publish")
                    .hasRole(Role.ORGANIZER.name())
                    .requestMatchers(HttpMethod.POST, "/api/v1/events/*/cancel")
                    .hasRole(Role.ORGANIZER.name())
                    .requestMatchers(HttpMethod.PATCH, "/api/v1/events/*")
                    .hasRole(Role.ORGANIZER.name())
                    .requestMatchers(HttpMethod.POST, "/api/v1/orders/*/refund")
                    .hasRole(Role.ORGANIZER.name())
                    .requestMatchers(HttpMethod.POST, "/api/v1/check-ins", "/api/v1/barcodes/read")
                    .hasRole(Role.SCANNER.name())
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter()))
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            ProblemResponses.write(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "unauthorized",
                                "Unauthorized",
                                "Send a valid, unexpired bearer token")))
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(
                        (request, response, e) ->
                            ProblemResponses.write(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "unauthorized",
                                "Unauthorized",
                                "Send a valid, unexpired bearer token"))
                    .accessDeniedHandler(
                        (request, response, e) ->
                            ProblemResponses.write(
                                response,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "Forbidden",
                                "Your account may not do this")));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
    // The storefront is public; only the account, box-office and scanner areas need a login.
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/me/**", "/checkout/**", "/events/*/queue")
                    .authenticated()
                    .requestMatchers("/box-office/**")
                    .hasRole(Role.ORGANIZER.name())
                    .requestMatchers("/scanner/**")
                    .hasRole(Role.SCANNER.name())
                    .anyRequest()
                    .permitAll())
        .formLogin(form -> form.loginPage("/login").permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
    return http.build();
  }

  private static JwtAuthenticationConverter jwtAuthenticationConverter() {
    var authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName("roles");
    authorities.setAuthorityPrefix("ROLE_");
    var converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return converter;
  }

  @Bean
  SecretKey tokenKey(SecurityProperties properties) {
    byte[] key;
    if (properties.tokenSecret() == null || properties.tokenSecret().isBlank()) {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
      log.warn(
          "BOXOFFICE_TOKEN_SECRET is not set: bearer tokens are signed with a random key and are"
              + " valid on this instance until it restarts");
    } else {
      key = Base64.getDecoder().decode(properties.tokenSecret());
      if (key.length < 32) {
        throw new IllegalStateException("BOXOFFICE_TOKEN_SECRET must decode to at least 32 bytes");
      }
    }
    return new SecretKeySpec(key, "HmacSHA256");
  }

  /**
   * No tracing spans for each security filter, authentication and authorization: with an
   * observation registry present, Spring Security wraps every filter of the chain in an
   * observation, about a tenth of the CPU of a hold request. Requests are still timed as a whole
   * ({@code http.server.requests}).
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  JwtEncoder jwtEncoder(SecretKey tokenKey) {
    return new NimbusJwtEncoder(new ImmutableSecret<>(tokenKey));
  }

  @Bean
  JwtDecoder jwtDecoder(SecretKey tokenKey) {
    var decoder = NimbusJwtDecoder.withSecretKey(tokenKey).macAlgorithm(MacAlgorithm.HS256).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TokenIssuer.ISSUER));
    // The default claim converter tries to read "iss" as a URL and throws (and catches) an
    // exception for ours on every request; it is a plain name.
    decoder.setClaimSetConverter(
        MappedJwtClaimSetConverter.withDefaults(
            Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
    return decoder;
  }

  @Bean
  TokenIssuer tokenIssuer(JwtEncoder encoder, SecurityProperties properties, Clock clock) {
    return new TokenIssuer(encoder, properties.tokenTtl(), clock);
  }

  /** Argon2id for new hashes; the prefix lets a later change of algorithm re-hash on login. */
  @Bean
  PasswordEncoder passwordEncoder() {
    var argon2 = "argon2@SpringSecurity_v5_8";
    return new DelegatingPasswordEncoder(
        argon2,
        Map.of(
            argon2,
            Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt",
            new BCryptPasswordEncoder()));
  }
}
