import { OutgoingMail } from '../mail-message';

/**
 * The mail as an RFC 5322 message: headers, a blank line, the UTF-8 body, CRLF line ends.
 * Deterministic for a given mail (its date is the event's), so writing it again changes nothing.
 */
export function emlOf(mail: OutgoingMail): string {
  const headers = [
    `From: ${headerValue(mail.from)}`,
    `To: ${headerValue(mail.to)}`,
    `Subject: ${encodedWords(headerValue(mail.subject))}`,
    `Date: ${mail.date.toUTCString().replace(/GMT$/, '+0000')}`,
    `Message-ID: ${headerValue(mail.messageId)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  const body = mail.text.replace(/\r?\n/g, '\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${body}\r\n`;
}

/** A line break in a header value would let data (an organization's name) forge headers. */
function headerValue(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

/** RFC 2047: non-ASCII header text as base64 UTF-8 words of at most 75 characters, folded. */
function encodedWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    // 45 bytes of UTF-8 become 60 base64 characters: the word stays within 75.
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\r\n ');
}
