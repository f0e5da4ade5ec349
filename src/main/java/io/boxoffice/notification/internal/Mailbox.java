package io.boxoffice.notification.internal;

/** Where mail goes: an SMTP server, or, in local mode, a folder acting as the mail catcher. */
interface Mailbox {

  /** Sends one plain-text message; throws if it could not be handed over. */
  void send(String to, String subject, String text);
}
