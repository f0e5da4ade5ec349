package io.boxoffice.ops.internal.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded services of the local mode keep their data.
 *
 * @param dataDir folder for the embedded PostgreSQL cluster and the Redis append-only file; kept
 *     across restarts (default {@code ./data})
 */
@ConfigurationProperties("boxoffice.embedded")
public record EmbeddedProperties(@DefaultValue("data") Path dataDir) {}
