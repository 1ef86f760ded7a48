// Why a staff member reads customers' data (X-Access-Purpose, recorded in the customer's access log):
// asked once per session and kept in memory with the session, never stored.
import { store } from '../data/store';

export const accessPurpose = store<string | null>(null);

/** The header staff reads of customer data carry; throws when no purpose was given yet. */
export function purposeHeader(): { 'X-Access-Purpose': string } {
  const purpose = accessPurpose.get();
  if (!purpose) throw new Error('No access purpose given yet');
  return { 'X-Access-Purpose': purpose };
}

/** The purpose header when one was given, else none (reads that have a default purpose, e.g. case work). */
export function purposeIfGiven(): { 'X-Access-Purpose'?: string } {
  const purpose = accessPurpose.get();
  return purpose ? { 'X-Access-Purpose': purpose } : {};
}

/**
 * The purpose as a header can carry it: typographic quotes and dashes become their plain forms; null when
 * other characters outside ISO-8859-1 remain (e.g. Korean), which a browser refuses to send in a header.
 */
export function headerSafePurpose(text: string): string | null {
  const plain = text.trim()
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\u2026/g, '...').replace(/\s+/g, ' ');
  return /^[\x20-\x7e\xa0-\xff]*$/.test(plain) ? plain : null;
}
