package io.boxoffice.notification.internal;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.ClassUtils;

/**
 * SMTP when {@code spring.mail.host} is set (Spring Mail); otherwise every message is written as an
 * {@code .eml} file to {@code boxoffice.mail.catch-dir} (default {@code data/mail}), which any mail
 * client opens — the local mode's mail catcher.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
  private static final String ANGUS_STREAM_PROVIDER =
      "org.eclipse.angus.mail.util.MailStreamProvider";

  static {
    // Jakarta Mail looks its StreamProvider up through the ServiceLoader for every message it
    // writes (jakartaee/mail-api#861): 0.26 ms of a mail's 0.31 ms outside the fat jar, more
    // inside it. Named by this property, the lookup is a loaded class by name (a mail: 0.05 ms).
    if (System.getProperty(STREAM_PROVIDER) == null
        && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailConfiguration.class.getClassLoader())) {
      System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
    }
  }

  @Bean
  @ConditionalOnExpression("!'${spring.mail.host:}'.isEmpty()")
  Mailbox smtpMailbox(JavaMailSender sender, @Value("${boxoffice.mail.from}") String from) {
    return (to, subject, text) -> {
      var message = new SimpleMailMessage();
      message.setFrom(from);
      message.setTo(to);
      message.setSubject(subject);
      message.setText(text);
      sender.send(message);
    };
  }

  @Bean
  @ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
  Mailbox folderMailbox(
      @Value("${boxoffice.mail.catch-dir:data/mail}") Path folder,
      @Value("${boxoffice.mail.from}") String from) {
    // One session: making one loads Jakarta Mail's providers from the class path each time (a
    // fifth of the application's CPU in a stadium sale, one mail per order).
    var session = Session.getInstance(new Properties());
    return (to, subject, text) -> {
      try {
        if (!Files.isDirectory(folder)) {
          Files.createDirectories(folder);
        }
        var message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        var file = folder.resolve(Instant.now().toEpochMilli() + "-" + UUID.randomUUID() + ".eml");
        try (var out = Files.newOutputStream(file)) {
          message.writeTo(out);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
