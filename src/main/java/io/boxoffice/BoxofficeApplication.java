package io.boxoffice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Boxoffice service: one deployable, one Spring Modulith module per bounded context. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BoxofficeApplication {

  public static void main(String[] args) {
    SpringApplication.run(BoxofficeApplication.class, args);
  }
}
