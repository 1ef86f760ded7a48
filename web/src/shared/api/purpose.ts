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
