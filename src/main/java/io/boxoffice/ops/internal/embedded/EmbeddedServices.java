package io.boxoffice.ops.internal.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.embedded.RedisServer;

/**
 * The zero-configuration local mode: with no {@code SPRING_DATASOURCE_URL} an embedded PostgreSQL
 * 17 starts on a free port, and with no Redis configured an embedded Redis does too. Both keep
 * their data under {@link EmbeddedProperties#dataDir()}, so a restart finds the same demo.
 *
 * <p>They are beans (not shutdown hooks) so that Spring stops them after the connection pools that
 * use them: the connection details depend on the servers, the pools on the connection details.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedServices {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnEmbeddedDefaults
  static class Postgres {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties) throws IOException {
      var dir = properties.dataDir().resolve("postgres").toAbsolutePath();
      Files.createDirectories(dir.getParent());
      var postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPort(freePort())
              .setServerConfig("max_connections", "200")
              .start();
      log.info("embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
      return postgres;
    }

    @Bean
    JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedPostgres postgres) {
      var url = postgres.getJdbcUrl("postgres", "postgres");
      return new JdbcConnectionDetails() {
        @Override
        public String getUsername() {
          return "postgres";
        }

        @Override
        public String getPassword() {
          return "";
        }

        @Override
        public String getJdbcUrl() {
          return url;
        }
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression(
      "'${boxoffice.redis.url:}'.isEmpty() and '${spring.data.redis.url:}'.isEmpty()"
          + " and '${spring.data.redis.host:}'.isEmpty()")
  static class Redis {

    @Bean(destroyMethod = "stop")
    RedisServer embeddedRedis(EmbeddedProperties properties) throws IOException {
      var dir = properties.dataDir().resolve("redis").toAbsolutePath();
      Files.createDirectories(dir);
      int port = freePort();
      var redis =
          RedisServer.newRedisServer()
              .bind("127.0.0.1")
              .port(port)
              .setting("dir " + dir)
              .setting("appendonly yes")
              .setting("save \"\"")
              .build();
      redis.start();
      log.info("embedded Redis on port {} with data in {}", port, dir);
      return redis;
    }

    @Bean
    DataRedisConnectionDetails embeddedRedisConnectionDetails(RedisServer redis) {
      var port = redis.ports().getFirst();
      return new DataRedisConnectionDetails() {
        @Override
        public Standalone getStandalone() {
          return Standalone.of("127.0.0.1", port);
        }
      };
    }
  }

  static int freePort() {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
