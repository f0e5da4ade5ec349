package io.boxoffice.web.internal;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the pages present times.
 *
 * @param timeZone the zone event times are shown in, with its abbreviation. Venues do not carry a
 *     zone yet, so one zone serves the whole site; the demo venues are all in Central Europe.
 */
@ConfigurationProperties("boxoffice.web")
record WebProperties(@DefaultValue("Europe/Berlin") ZoneId timeZone) {}
