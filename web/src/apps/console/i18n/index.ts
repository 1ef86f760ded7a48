import { createI18n } from '../../../shared/i18n/i18n';
import { en, type MessageKey } from './en';
import { ko } from './ko';

export type { MessageKey };
export const { useT, current } = createI18n<MessageKey>({ en, ko });
