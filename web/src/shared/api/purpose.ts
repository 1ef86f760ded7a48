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
