/**
 * Newsletter inboxes: every Inbox block of a saved pipe receives mail at
 * {@code <block id>@<SLUICE_MAIL_DOMAIN>}. {@link dev.sluice.inbox.InboxAddresses} keeps the table
 * of addresses in step with the saved pipes; {@link dev.sluice.inbox.SmtpReceiver} is the embedded
 * SMTP server (SubEthaSMTP), on only when {@code SLUICE_SMTP_LISTEN} is set;
 * {@link dev.sluice.inbox.InboxDelivery} decides what to accept (known addresses, size, rates) and
 * stores a mail durably before the sender hears "250"; {@link dev.sluice.inbox.MailReader} parses
 * it once, with Jakarta Mail; {@link dev.sluice.inbox.StoredInboxMails} is what Inbox blocks read.
 */
package dev.sluice.inbox;
