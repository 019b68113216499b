import nodemailer from "nodemailer";
import { ChannelError } from "./channel-error";

export const EMAIL_NOT_CONFIGURED = "email is not configured (SMTP_URL is not set)";

export type TSmtpSettings = { url: string; from: string };
export type TEmailMessage = { title: string; text: string };

export type TEmailSender = (to: string, message: TEmailMessage) => Promise<void>;

/** Sends over the SMTP server of SMTP_URL; without one every email fails at once, saying so. */
export function createEmailSender(smtp: TSmtpSettings | undefined, timeoutMs: number): TEmailSender {
  if (!smtp) {
    return async () => {
      throw new ChannelError(EMAIL_NOT_CONFIGURED, true);
    };
  }
  const transport = nodemailer.createTransport(smtp.url, {
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[1]);
  return async (to, message) => {
    try {
      await transport.sendMail({ from: smtp.from, to, subject: message.title, text: message.text });
    } catch (error) {
      const responseCode = (error as { responseCode?: number }).responseCode;
      // 5xx: the server refuses this message or mailbox for good; anything else (connection, 4xx) may pass later.
      const permanent = responseCode !== undefined && responseCode >= 500;
      throw new ChannelError(`the mail server refused it: ${(error as Error).message.split("\n")[0]}`, permanent);
    }
  };
}
