package io.boxoffice.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local mode's mail catcher: each mail is an .eml file that a mail client reads back. */
class FolderMailboxTest {

  @TempDir Path folder;

  @Test
  void eachMailIsAReadableEmlFileInTheFolder() throws Exception {
    var mailbox =
        new MailConfiguration().folderMailbox(folder.resolve("mail"), "tickets@boxoffice.io");

    mailbox.send("ada@example.org", "Your tickets: Opera – Oslo", "Hello Ada,\n\nrow A, seat 1\n");
    mailbox.send("alan@example.org", "Your tickets: Opera – Oslo", "Hello Alan,\n");

    try (var files = Files.list(folder.resolve("mail"))) {
      var mails = files.map(FolderMailboxTest::read).toList();
      assertThat(mails).hasSize(2);
      var ada =
          mails.stream()
              .filter(m -> recipient(m).equals("ada@example.org"))
              .findFirst()
              .orElseThrow();
      assertThat(ada.getSubject()).isEqualTo("Your tickets: Opera – Oslo");
      assertThat(ada.getFrom()[0].toString()).isEqualTo("tickets@boxoffice.io");
      assertThat(((String) ada.getContent()).replace("\r\n", "\n"))
          .isEqualTo("Hello Ada,\n\nrow A, seat 1\n");
    }
    // the stream provider is named once, so writing a message no longer looks it up
    assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
        .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
  }

  private static MimeMessage read(Path eml) {
    assertThat(eml.toString()).endsWith(".eml");
    try (var in = Files.newInputStream(eml)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
